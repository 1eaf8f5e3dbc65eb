package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the repository root and the Seata TC's classpath file, and failing clearly when absent. */
class SeataTcClasspathTest {

    @TempDir
    Path root;

    @Test
    void the_root_is_the_nearest_directory_above_holding_mvnw() throws Exception {
        Files.createFile(root.resolve("mvnw"));
        Path nested = Files.createDirectories(root.resolve("credit-service/target"));
        assertThat(RepoRoot.locate(null, null, nested)).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void the_system_property_wins_over_the_environment_and_the_search() {
        assertThat(RepoRoot.locate("/a/b", "/c/d", root)).isEqualTo(Path.of("/a/b"));
        assertThat(RepoRoot.locate(" ", "/c/d", root)).isEqualTo(Path.of("/c/d"));
    }

    @Test
    void without_any_hint_the_error_names_the_property_to_set() {
        assertThatThrownBy(() -> RepoRoot.locate(null, null, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Dcreditsuite.root")
                .hasMessageContaining("mvnw");
    }

    @Test
    void a_missing_classpath_file_names_the_build_command() {
        assertThatThrownBy(() -> SeataTc.classpath(root))
                .isInstanceOf(ComponentStartException.class)
                .hasMessageContaining("seata-tc")
                .hasMessageContaining("seata-tc.classpath")
                .hasMessageContaining(SeataTc.BUILD_COMMAND);
    }

    @Test
    void an_empty_classpath_file_is_an_error_too() throws Exception {
        Path target = Files.createDirectories(root.resolve("deploy/seata-tc/target/classes")).getParent();
        Files.writeString(target.resolve("seata-tc.classpath"), "\n");
        assertThatThrownBy(() -> SeataTc.classpath(root))
                .isInstanceOf(ComponentStartException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void the_classpath_is_the_module_classes_then_the_listed_jars() throws Exception {
        Path target = Files.createDirectories(root.resolve("deploy/seata-tc/target/classes")).getParent();
        Files.writeString(target.resolve("seata-tc.classpath"), "/m2/a.jar:/m2/b.jar\n");
        assertThat(SeataTc.classpath(root))
                .isEqualTo(target.resolve("classes") + File.pathSeparator + "/m2/a.jar:/m2/b.jar");
    }
}
