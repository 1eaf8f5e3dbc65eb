package io.creditsuite.support.hostile;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hostile cases made by reflection for every method of a Dubbo interface, so that a new method is covered
 * without a line of test: each {@link Flavour} that fits the method's parameters (walked into records and lists)
 * gives one call. A method without parameters has no input to be hostile with and gets no case.
 */
public final class HostileInputs {
    public static final String HUGE = "x".repeat(100_000);
    public static final String SQL_INJECTION = "' OR 1=1 --";
    public static final String LOG_INJECTION = "hostile\r\nFORGED 2026-01-01 00:00:00 INFO access granted";
    /** A number nobody's id is, for the cases that aim at the strings. */
    static final long SOME_LONG = 987_654_321L;
    static final int SOME_INT = 10;

    /** How every value of one call is chosen. */
    public enum Flavour {
        /** every reference argument null, every primitive zero */
        NULLS,
        /** the records present, every field of them null or zero */
        NULL_FIELDS,
        /** every string empty, every list empty */
        EMPTY_STRINGS,
        /** every string 100,000 characters */
        HUGE_STRINGS,
        /** every string {@value #SQL_INJECTION} */
        SQL_INJECTION,
        /** every string carries CR LF and a forged log line */
        LOG_INJECTION,
        /** plausible strings, every number -1 */
        NEGATIVE,
        /** plausible strings, every number Long.MIN_VALUE / Integer.MIN_VALUE */
        MIN,
        /** plausible strings, every number Long.MAX_VALUE / Integer.MAX_VALUE */
        MAX;

        boolean aimsAtStrings() {
            return this == EMPTY_STRINGS || this == HUGE_STRINGS || this == SQL_INJECTION || this == LOG_INJECTION;
        }

        boolean aimsAtNumbers() {
            return this == NEGATIVE || this == MIN || this == MAX;
        }
    }

    private HostileInputs() {
    }

    /** Every generated case of every method of {@code api}. */
    public static List<HostileCase> of(Class<?> api) {
        List<HostileCase> cases = new ArrayList<>();
        Arrays.stream(api.getMethods())
                .sorted((a, b) -> (a.getName() + a.getParameterCount()).compareTo(b.getName() + b.getParameterCount()))
                .forEach(method -> {
                    for (Flavour flavour : Flavour.values()) {
                        if (fits(method, flavour)) {
                            cases.add(new HostileCase(api, method, flavour.name().toLowerCase(Locale.ROOT),
                                    arguments(method, flavour), Set.of()));
                        }
                    }
                });
        return cases;
    }

    static boolean fits(Method method, Flavour flavour) {
        Parameter[] parameters = method.getParameters();
        if (parameters.length == 0) {
            return false;
        }
        return switch (flavour) {
            case NULLS -> Arrays.stream(parameters).anyMatch(p -> !p.getType().isPrimitive());
            case NULL_FIELDS -> Arrays.stream(parameters).anyMatch(p -> p.getType().isRecord());
            case EMPTY_STRINGS, HUGE_STRINGS, SQL_INJECTION, LOG_INJECTION ->
                    Arrays.stream(parameters).anyMatch(p -> holds(p.getParameterizedType(), String.class));
            case NEGATIVE, MIN, MAX -> Arrays.stream(parameters).anyMatch(p -> holdsNumber(p.getParameterizedType()));
        };
    }

    static Object[] arguments(Method method, Flavour flavour) {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            if (flavour == Flavour.NULLS) {
                args[i] = p.getType().isPrimitive() ? zero(p.getType()) : null;
            } else {
                args[i] = value(p.getParameterizedType(), p.getName(), flavour);
            }
        }
        return args;
    }

    private static Object value(Type type, String name, Flavour flavour) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return string(name, flavour);
        }
        if (raw == long.class || raw == Long.class) {
            return longValue(flavour);
        }
        if (raw == int.class || raw == Integer.class) {
            return intValue(flavour);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Boolean.FALSE;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(raw)) {
            List<Object> list = new ArrayList<>();
            if (flavour != Flavour.EMPTY_STRINGS) {
                list.add(value(((ParameterizedType) type).getActualTypeArguments()[0], name, flavour));
            }
            return list;
        }
        if (Map.class.isAssignableFrom(raw)) {
            // a key and a value of the flavour: a hostile key (huge, injected, empty) or a hostile number
            Map<Object, Object> map = new LinkedHashMap<>();
            Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
            map.put(value(kv[0], name, flavour), value(kv[1], name, flavour));
            return map;
        }
        if (raw.isRecord()) {
            return record(raw, flavour);
        }
        throw new IllegalStateException("no hostile values for " + type + " (" + name + "): teach HostileInputs");
    }

    private static Object record(Class<?> type, Flavour flavour) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = flavour == Flavour.NULL_FIELDS
                    ? (types[i].isPrimitive() ? zero(types[i]) : null)
                    : value(components[i].getGenericType(), components[i].getName(), flavour);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }

    private static String string(String name, Flavour flavour) {
        return switch (flavour) {
            case EMPTY_STRINGS -> "";
            case HUGE_STRINGS -> HUGE;
            case SQL_INJECTION -> SQL_INJECTION;
            case LOG_INJECTION -> LOG_INJECTION;
            default -> plausible(name);
        };
    }

    /** A string the field would accept, so that the numbers are what is hostile. */
    static String plausible(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("currency")) {
            return "CNY";
        }
        if (n.contains("date")) {
            return "2026-01-02";
        }
        if (n.contains("url")) {
            return "https://partner.example/callback";
        }
        if (n.endsWith("rate")) {
            return "0.05";
        }
        return "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long longValue(Flavour flavour) {
        return switch (flavour) {
            case NEGATIVE -> -1L;
            case MIN -> Long.MIN_VALUE;
            case MAX -> Long.MAX_VALUE;
            default -> SOME_LONG;
        };
    }

    private static int intValue(Flavour flavour) {
        return switch (flavour) {
            case NEGATIVE -> -1;
            case MIN -> Integer.MIN_VALUE;
            case MAX -> Integer.MAX_VALUE;
            default -> SOME_INT;
        };
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) {
            return false;
        }
        return primitive == int.class ? (Object) 0 : (Object) 0L;
    }

    private static boolean holds(Type type, Class<?> wanted) {
        Class<?> raw = raw(type);
        if (raw == wanted) {
            return true;
        }
        if (List.class.isAssignableFrom(raw)) {
            return holds(((ParameterizedType) type).getActualTypeArguments()[0], wanted);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Arrays.stream(((ParameterizedType) type).getActualTypeArguments()).anyMatch(t -> holds(t, wanted));
        }
        return raw.isRecord() && Arrays.stream(raw.getRecordComponents()).anyMatch(c -> holds(c.getGenericType(), wanted));
    }

    private static boolean holdsNumber(Type type) {
        return holds(type, long.class) || holds(type, Long.class) || holds(type, int.class) || holds(type, Integer.class);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
