package io.tune4j.trainer.export;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * Compiles generated Java sources in memory with the JDK's compiler (javax.tools), against the test classpath,
 * and loads them: what a user does with an exported BestNetwork.java, without a file or a build.
 */
public final class CompiledSources {
    private final ClassLoader loader;

    /** @param sources class name to its source text; all compiled in one javac run */
    public CompiledSources(Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new IllegalStateException("no Java compiler: the tests need a JDK, not a JRE");
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, null);
        ForwardingJavaFileManager<StandardJavaFileManager> inMemory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, name -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        // Surefire runs tests from a manifest-only jar; the real classpath is in its own property.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter output = new StringWriter();
        boolean ok = compiler.getTask(output, inMemory, diagnostics,
                List.of("-classpath", classpath, "-proc:none", "-Xlint:none"), null, units).call();
        if (!ok) throw new AssertionError("generated source does not compile: " + diagnostics.getDiagnostics() + output);
        loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) throw new ClassNotFoundException(name);
                byte[] code = bytes.toByteArray();
                return defineClass(name, code, 0, code.length);
            }
        };
    }

    /** What the compiled class's static {@code configuration()} returns. */
    public MultiLayerConfiguration configuration(String className) throws ReflectiveOperationException {
        return (MultiLayerConfiguration) loader.loadClass(className).getMethod("configuration").invoke(null);
    }
}
