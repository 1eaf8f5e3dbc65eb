package io.creditsuite.gateway.infrastructure.web;

import io.creditsuite.gateway.application.CheckSuiteHealth;
import io.creditsuite.gateway.domain.health.ServiceCheck;
import io.creditsuite.gateway.domain.health.SuiteHealth;
import io.creditsuite.support.requestid.RequestIds;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** System endpoints of the gateway. */
@RestController
@RequestMapping("/api/v1/system")
public class SystemController {
    private final CheckSuiteHealth checkSuiteHealth;

    public SystemController(CheckSuiteHealth checkSuiteHealth) {
        this.checkSuiteHealth = checkSuiteHealth;
    }

    /** One request that reaches every service over Dubbo: 200 when all answered, 503 otherwise. */
    @GetMapping("/ping")
    public ResponseEntity<PingResponse> ping() {
        SuiteHealth health = checkSuiteHealth.check();
        PingResponse body = new PingResponse(health.up() ? "UP" : "DOWN", RequestIds.current(),
                health.checks(), health.missing());
        return ResponseEntity.status(health.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    public record PingResponse(String status, String requestId, List<ServiceCheck> services, Set<String> unreachable) {
    }
}
