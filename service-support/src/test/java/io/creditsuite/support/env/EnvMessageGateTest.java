package io.creditsuite.support.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

class EnvMessageGateTest {
    private static final String GROUP = "reconcile-bcp";

    private final Set<String> online = new java.util.HashSet<>();
    private final List<String> consumed = new ArrayList<>();

    @Test
    void a_branch_group_consumes_its_own_events_only_and_each_in_its_environment() {
        EnvMessageGate gate = new EnvMessageGate(GROUP, "feature-x", (group, topic) -> online.contains(group));

        String status = gate.each(List.of(event("a", ""), event("b", "feature-x"), event("c", "feature-y")),
                this::consume, "OK");

        assertThat(status).isEqualTo("OK");
        assertThat(consumed).containsExactly("b@feature-x");
    }

    @Test
    void the_baseline_leaves_a_branch_event_to_the_branch_while_its_group_is_online_and_takes_it_when_not() {
        EnvMessageGate gate = new EnvMessageGate(GROUP, "", (group, topic) -> online.contains(group));
        online.add("reconcile-bcp-feature-x");

        gate.each(List.of(event("a", ""), event("b", "feature-x")), this::consume, "OK");
        online.clear();
        gate.each(List.of(event("c", "feature-x")), this::consume, "OK");

        assertThat(consumed).containsExactly("a@", "c@feature-x");
    }

    @Test
    void a_malformed_env_property_is_the_baseline() {
        EnvMessageGate gate = new EnvMessageGate(GROUP, "", (group, topic) -> true);

        gate.each(List.of(event("a", "Feature X; drop")), this::consume, "OK");

        assertThat(consumed).containsExactly("a@");
    }

    @Test
    void a_batch_stops_at_the_first_event_not_done() {
        EnvMessageGate gate = new EnvMessageGate(GROUP, "", (group, topic) -> false);

        String status = gate.each(List.of(event("a", ""), event("fail", ""), event("c", "")),
                one -> one.get(0).getKeys().equals("fail") ? "LATER" : consume(one), "OK");

        assertThat(status).isEqualTo("LATER");
        assertThat(consumed).containsExactly("a@");
    }

    private String consume(List<MessageExt> one) {
        consumed.add(one.get(0).getKeys() + "@" + Environments.current().orElse(""));
        return "OK";
    }

    private static MessageExt event(String keys, String env) {
        MessageExt message = new MessageExt();
        message.setTopic("CS_CREDIT_EVENTS");
        message.setKeys(keys);
        if (!env.isEmpty()) {
            message.putUserProperty(Environments.MESSAGE_PROPERTY, env);
        }
        return message;
    }
}
