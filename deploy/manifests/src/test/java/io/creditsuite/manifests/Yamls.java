package io.creditsuite.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML as plain maps and lists (SnakeYAML resolves anchors and {@code <<} merge keys). */
final class Yamls {

    private Yamls() {
    }

    static Map<String, Object> load(String text) {
        Object doc = yaml().load(text);
        return doc == null ? Map.of() : map(doc);
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(text)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Nested maps as dotted keys, the way Spring sees them: {@code server.port}, {@code a.b[0]}. */
    static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, Object> flat) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, flat));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(prefix + "[" + i + "]", l.get(i), flat);
            }
        } else {
            flat.put(prefix, node);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = map(current).get(key);
        }
        return current;
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }
}
