package io.creditsuite.reconcile.infrastructure.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.creditsuite.reconcile.application.alert.RobotMessages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bridge from Alertmanager's webhook to a chat robot: Alertmanager posts its notification to
 * {@code /alerts/robot/dingtalk} or {@code /alerts/robot/wecom} (deploy/alerting/alertmanager.yml, receiver bcp-robot),
 * which forwards it in the robot's markdown format to {@code credit-suite.bcp.alerts.dingtalk-url} /
 * {@code wecom-url}. A robot that does not answer 2xx makes this answer 502, so Alertmanager retries.
 */
@RestController
public class RobotBridgeController {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper json;
    private final Map<String, String> robots = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public RobotBridgeController(ObjectMapper json,
                                 @Value("${credit-suite.bcp.alerts.dingtalk-url:}") String dingTalk,
                                 @Value("${credit-suite.bcp.alerts.wecom-url:}") String weCom) {
        this.json = json;
        robots.put("dingtalk", dingTalk);
        robots.put("wecom", weCom);
    }

    @PostMapping("/alerts/robot/{format}")
    public ResponseEntity<String> forward(@PathVariable String format, @RequestBody JsonNode body) throws Exception {
        String robot = robots.get(format);
        if (robot == null) {
            return ResponseEntity.badRequest().body("format must be dingtalk or wecom");
        }
        if (robot.isBlank()) {
            return ResponseEntity.status(503).body("no " + format + " robot is configured");
        }
        RobotMessages.Notification notification = read(body);
        Map<String, Object> message = format.equals("dingtalk") ? RobotMessages.dingTalk(notification)
                : RobotMessages.weCom(notification);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(robot)).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() / 100 == 2 ? ResponseEntity.ok("sent")
                    : ResponseEntity.status(502).body("the robot answered " + answer.statusCode());
        } catch (IOException e) {
            return ResponseEntity.status(502).body("the robot cannot be reached: " + e.getMessage());
        }
    }

    static RobotMessages.Notification read(JsonNode body) {
        List<RobotMessages.Alert> alerts = new ArrayList<>();
        body.path("alerts").forEach(a -> alerts.add(new RobotMessages.Alert(a.path("status").asText(),
                strings(a.path("labels")), strings(a.path("annotations")))));
        return new RobotMessages.Notification(body.path("status").asText("firing"), strings(body.path("groupLabels")),
                alerts);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
