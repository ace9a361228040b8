package io.tune4j.trainer.cluster;

import io.tune4j.trainer.pool.ObjectiveFactory;

/**
 * The objective factories a worker builds when a study names one: tune4j's own only. The class is looked at
 * before it is initialized, so a name from a message cannot run a static initializer of any class on the
 * worker's class path.
 */
final class ObjectiveFactories {
    private static final String OWN_PACKAGES = "io.tune4j.";

    private ObjectiveFactories() {}

    static ObjectiveFactory instantiate(String name) throws ReflectiveOperationException {
        if (name == null || !name.startsWith(OWN_PACKAGES)) {
            throw new IllegalArgumentException("refused to build objective factory '" + name + "': not one of tune4j's");
        }
        Class<?> type = Class.forName(name, false, ObjectiveFactories.class.getClassLoader());
        if (!ObjectiveFactory.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("refused to build '" + name + "': not an objective factory");
        }
        return (ObjectiveFactory) type.getDeclaredConstructor().newInstance();
    }
}
