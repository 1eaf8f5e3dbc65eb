package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ComponentMainOptionsTest {

    @Test
    void a_broker_gets_its_ha_port_next_to_its_port_unless_told() {
        ComponentMain.Options options = ComponentMain.Options.parse(new String[] {
            "broker", "--port", "10911", "--dir", "/tmp/b", "--namesrv", "127.0.0.1:9876"});
        assertThat(options.port).isEqualTo(10911);
        assertThat(options.haPort).isEqualTo(10912);
        assertThat(options.dir).isEqualTo(Path.of("/tmp/b"));
        assertThat(options.require("--namesrv")).isEqualTo("127.0.0.1:9876");
    }

    @Test
    void bad_command_lines_say_what_is_wrong() {
        assertThatThrownBy(() -> ComponentMain.Options.parse(new String[] {"kafka", "--port", "1", "--dir", "d"}))
                .hasMessageContaining("unknown component 'kafka'");
        assertThatThrownBy(() -> ComponentMain.Options.parse(new String[] {"zookeeper", "--dir", "d"}))
                .hasMessageContaining("needs --port");
        assertThatThrownBy(() -> ComponentMain.Options.parse(new String[] {"zookeeper", "--port", "x", "--dir", "d"}))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> ComponentMain.Options.parse(new String[] {"zookeeper", "--port", "1", "--dri", "d"}))
                .hasMessageContaining("unknown option '--dri'");
    }

    @Test
    void the_ready_line_matches_only_its_component() {
        assertThat(ComponentMain.readyLine("zookeeper").matcher("READY zookeeper port=2181").find()).isTrue();
        assertThat(ComponentMain.readyLine("zookeeper").matcher("READY namesrv port=9876").find()).isFalse();
    }
}
