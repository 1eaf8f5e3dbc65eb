package io.creditsuite.reconcile.infrastructure.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Alertmanager's webhook body in, the robot's markdown message out, posted to a real HTTP robot. */
class RobotBridgeControllerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTIFICATION = """
            {"receiver":"bcp-robot","status":"firing",
             "groupLabels":{"alertname":"BcpDiscrepancy","rule":"R-DRAWDOWN-LEDGER","team":"lending"},
             "alerts":[
               {"status":"firing","labels":{"fingerprint":"LOAN-LN1-OUT","severity":"critical"},
                "annotations":{"summary":"amounts disagree","trace_ids":"trace-1"}},
               {"status":"resolved","labels":{"fingerprint":"LOAN-LN2-OUT","severity":"critical"},
                "annotations":{"summary":"no ledger confirm"}}]}
            """;

    private final List<JsonNode> robot = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int answer = 200;

    private MockMvc bridge() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/robot", exchange -> {
            robot.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/robot";
        return MockMvcBuilders.standaloneSetup(new RobotBridgeController(JSON, url, url)).build();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void a_notification_becomes_a_dingtalk_and_a_wecom_markdown_message() throws Exception {
        MockMvc mvc = bridge();
        mvc.perform(post("/alerts/robot/dingtalk").contentType(MediaType.APPLICATION_JSON).content(NOTIFICATION))
                .andExpect(status().isOk());
        mvc.perform(post("/alerts/robot/wecom").contentType(MediaType.APPLICATION_JSON).content(NOTIFICATION))
                .andExpect(status().isOk());
        JsonNode ding = robot.get(0);
        assertThat(ding.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(ding.path("markdown").path("title").asText())
                .isEqualTo("[FIRING:2] BcpDiscrepancy R-DRAWDOWN-LEDGER (lending)");
        assertThat(ding.path("markdown").path("text").asText()).contains("**LOAN-LN1-OUT** critical: amounts disagree"
                + " (trace trace-1)", "✅ **LOAN-LN2-OUT**");
        assertThat(robot.get(1).path("markdown").path("content").asText()).startsWith("**[FIRING:2] BcpDiscrepancy")
                .contains("LOAN-LN1-OUT");
    }

    @Test
    void an_unknown_format_is_400_and_a_failing_robot_502_so_alertmanager_retries() throws Exception {
        MockMvc mvc = bridge();
        mvc.perform(post("/alerts/robot/slack").contentType(MediaType.APPLICATION_JSON).content(NOTIFICATION))
                .andExpect(status().isBadRequest());
        answer = 500;
        mvc.perform(post("/alerts/robot/dingtalk").contentType(MediaType.APPLICATION_JSON).content(NOTIFICATION))
                .andExpect(status().isBadGateway());
    }
}
