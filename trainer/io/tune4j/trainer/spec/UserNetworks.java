package io.tune4j.trainer.spec;

import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.network.NetworkDefinition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Loads the {@link NetworkDefinition} a space file names with {@code network: {class: …}}, from the classpath
 * (the user's jar comes in through {@code --classpath} or {@code TUNE4J_CLASSPATH}, which the command line puts on
 * the thread's context class loader).
 */
final class UserNetworks {
    private UserNetworks() {}

    static NetworkDefinition load(SpecNode classNode) {
        String name = classNode.text();
        Class<?> type;
        try {
            type = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw classNode.fail("class " + name + " is not on the classpath (add its jar with --classpath or "
                    + "TUNE4J_CLASSPATH)");
        } catch (ExceptionInInitializerError e) {
            throw classNode.fail("class " + name + " failed to initialize: " + e.getCause());
        }
        if (!NetworkDefinition.class.isAssignableFrom(type)) {
            throw classNode.fail("class " + name + " does not implement " + NetworkDefinition.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw classNode.fail("class " + name + " is abstract; name a concrete class");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return (NetworkDefinition) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw classNode.fail("class " + name + " needs a public constructor without arguments");
        } catch (InvocationTargetException e) {
            throw classNode.fail("the constructor of " + name + " threw " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw classNode.fail("cannot create " + name + ": " + e);
        }
    }
}
