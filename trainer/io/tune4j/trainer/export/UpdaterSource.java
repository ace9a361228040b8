package io.tune4j.trainer.export;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The statements that rebuild a DL4J updater: its constructor with the learning rate or its schedule, then a
 * setter for each setting that differs from what that constructor gives (so Adam's betas appear only when
 * sampled away from DL4J's defaults, and every value still comes out exactly). Read from the updater's bean
 * properties rather than listed per class, so all nine optimizers tune4j offers are covered by one rule.
 */
final class UpdaterSource {
    private static final Set<String> RATE = Set.of("learningRate", "learningRateSchedule");

    private UpdaterSource() {}

    /** Statements declaring and returning {@code updater}, for the body of a method returning IUpdater. */
    static List<String> statements(IUpdater updater, JavaExpressions java) {
        Class<? extends IUpdater> type = updater.getClass();
        String name = java.type(type);
        ISchedule schedule = property(updater, "learningRateSchedule", ISchedule.class);
        Double rate = property(updater, "learningRate", Double.class);
        IUpdater base;
        String constructed;
        if (schedule != null) {
            base = construct(type, ISchedule.class, schedule);
            constructed = "new " + name + "(" + java.schedule(schedule) + ")";
        } else if (rate != null) {
            base = construct(type, double.class, rate);
            constructed = "new " + name + "(" + JavaExpressions.number(rate) + ")";
        } else {
            base = construct(type, null, null);
            constructed = "new " + name + "()";
        }
        List<String> setters = new ArrayList<>();
        for (PropertyDescriptor property : properties(type)) {
            if (RATE.contains(property.getName()) || property.getWriteMethod() == null) continue;
            Object value = read(property, updater);
            if (JavaExpressions.same(value, read(property, base))) continue;
            setters.add("updater." + property.getWriteMethod().getName() + "(" + literal(value, property, java) + ");");
        }
        List<String> lines = new ArrayList<>();
        if (setters.isEmpty()) {
            lines.add("return " + constructed + ";");
        } else {
            lines.add(name + " updater = " + constructed + ";");
            lines.addAll(setters);
            lines.add("return updater;");
        }
        return lines;
    }

    private static String literal(Object value, PropertyDescriptor property, JavaExpressions java) {
        if (value instanceof Double d) return JavaExpressions.number(d);
        if (value instanceof Integer || value instanceof Boolean) return String.valueOf(value);
        if (value instanceof Long l) return JavaExpressions.number(l);
        if (value instanceof ISchedule s) return java.schedule(s);
        throw new UnsupportedNetworkException("updater setting " + property.getName() + " = " + value);
    }

    private static <T> T property(IUpdater updater, String name, Class<T> type) {
        for (PropertyDescriptor property : properties(updater.getClass())) {
            if (property.getName().equals(name)) return type.cast(read(property, updater));
        }
        return null;
    }

    private static PropertyDescriptor[] properties(Class<?> type) {
        try {
            return Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors();
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(PropertyDescriptor property, Object bean) {
        if (property.getReadMethod() == null) return null;
        try {
            return property.getReadMethod().invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + property.getName() + " of " + bean, e);
        }
    }

    private static IUpdater construct(Class<? extends IUpdater> type, Class<?> argument, Object value) {
        try {
            return argument == null ? type.getConstructor().newInstance()
                    : type.getConstructor(argument).newInstance(value);
        } catch (NoSuchMethodException e) {
            throw new UnsupportedNetworkException("updater " + type.getSimpleName() + " (no constructor taking "
                    + (argument == null ? "nothing" : argument.getSimpleName()) + ")");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName(), e);
        }
    }
}
