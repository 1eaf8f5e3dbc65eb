package io.creditsuite.reconcile.infrastructure.bcp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Event bodies as the rules see them: integral numbers as Long (JSON gives Integer or Long by size, and a rule must
 * compare 30000 with 30000 whatever their width), nested objects as maps, JSON null left out (it reads as nil).
 */
final class EventPayloads {
    private EventPayloads() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> normalised(Map<String, Object> body) {
        Map<String, Object> out = new HashMap<>();
        body.forEach((k, v) -> {
            Object value = v instanceof Integer i ? Long.valueOf(i)
                    : v instanceof Map<?, ?> m ? normalised((Map<String, Object>) m)
                    : v instanceof List<?> l ? List.copyOf(l.stream().filter(x -> x != null).toList())
                    : v;
            if (value != null) {
                out.put(k, value);
            }
        });
        return out;
    }
}
