package io.tune4j.trainer.spec;

import io.tune4j.search.space.CategoricalParameter;
import io.tune4j.search.space.FixedParameter;
import io.tune4j.search.space.FloatParameter;
import io.tune4j.search.space.IntParameter;
import io.tune4j.search.space.Parameter;
import io.tune4j.search.spec.Declaration;
import io.tune4j.search.spec.DeclaredSpace;
import io.tune4j.search.spec.NearestName;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.network.ParamRule;
import java.util.Optional;

/**
 * Checks a parsed space against the DL4J vocabulary before any trial runs: every param name must be a
 * {@link Hyperparameter} or a setting of a network block, and every value it can take must pass that param's check. A typo would
 * otherwise surface as a failed trial minutes into a run, or not at all.
 */
public final class NetworkSpaceCheck {
    private NetworkSpaceCheck() {}

    public static void check(DeclaredSpace space) {
        check(space, NetworkSection.shorthand());
    }

    /** Checks the space's params against what {@code network} reads: its blocks' settings, or the shorthand's. */
    public static void check(DeclaredSpace space, NetworkSection network) {
        for (Declaration declaration : space.declarations()) check(declaration, network);
        checkAdaGradHasNoSchedule(space);
    }

    /**
     * DL4J 1.0.0-M2.1 loses AdaGrad's learning-rate schedule when it copies the updater into each layer, so a
     * space that can pair adagrad with a decaying rate would fail those trials; say so before any runs.
     */
    private static void checkAdaGradHasNoSchedule(DeclaredSpace space) {
        boolean adaGradPossible = space.declarations().stream()
                .anyMatch(d -> d.parameter().name().equals(Hyperparameter.OPTIMIZER.key())
                        && canTake(d.parameter(), "adagrad"));
        if (!adaGradPossible) return;
        for (Declaration declaration : space.declarations()) {
            Parameter parameter = declaration.parameter();
            if (!parameter.name().equals(Hyperparameter.LR_SCHEDULE.key())) continue;
            boolean outsideOtherOptimizers = parameter.condition()
                    .map(c -> !c.parent().equals(Hyperparameter.OPTIMIZER.key()) || c.value().equals("adagrad"))
                    .orElse(true);
            for (String schedule : new String[] {"exponential", "step"}) {
                if (outsideOtherOptimizers && canTake(parameter, schedule)) {
                    throw declaration.nodeOf(schedule).fail("lr_schedule " + schedule + " cannot go with optimizer "
                            + "adagrad (DL4J 1.0.0-M2.1 drops AdaGrad's schedule); declare lr_schedule inside the "
                            + "branches of the other optimizers");
                }
            }
        }
    }

    private static boolean canTake(Parameter parameter, Object value) {
        if (parameter instanceof CategoricalParameter categorical) return categorical.choices().contains(value);
        return parameter instanceof FixedParameter fixed && fixed.value().equals(value);
    }

    private static void check(Declaration declaration, NetworkSection network) {
        String name = declaration.parameter().name();
        if (network.shorthandOnly().contains(name)) {
            throw declaration.name().fail("'" + name + "' belongs to the dense shorthand; with a network: section, "
                    + "declare dense blocks (with repeat: for several layers) instead");
        }
        Optional<ParamRule> found = network.ruleFor(name);
        if (found.isEmpty()) {
            if (network.openParams()) return; // a user's network class reads params of its own
            throw declaration.name().fail("unknown parameter '" + name + "'" + NearestName.hint(name, Hyperparameter.keys())
                    + " (known: " + String.join(", ", Hyperparameter.keys()) + ")");
        }
        ParamRule rule = found.get();
        Parameter parameter = declaration.parameter();
        if (rule instanceof Hyperparameter hyperparameter) checkBranch(hyperparameter, declaration);
        if (parameter instanceof CategoricalParameter categorical) {
            for (Object choice : categorical.choices()) checkValue(rule, declaration, choice);
        } else if (parameter instanceof FixedParameter fixed) {
            checkValue(rule, declaration, fixed.value());
        } else if (parameter instanceof FloatParameter range) {
            checkBounds(rule, declaration, range.low(), range.high());
        } else if (parameter instanceof IntParameter range) {
            checkBounds(rule, declaration, range.low(), range.high());
        }
    }

    /** An optimizer setting declared under another optimizer's branch would be sampled and then ignored. */
    private static void checkBranch(Hyperparameter hyperparameter, Declaration declaration) {
        declaration.parameter().condition()
                .filter(c -> c.parent().equals(Hyperparameter.OPTIMIZER.key()))
                .filter(c -> !hyperparameter.optimizers().isEmpty() && !hyperparameter.optimizers().contains(c.value()))
                .ifPresent(c -> {
                    throw declaration.name().fail("'" + hyperparameter.key() + "' has no effect with optimizer "
                            + c.value() + "; it belongs to " + String.join(", ", hyperparameter.optimizers())
                            + (hyperparameter == Hyperparameter.MOMENTUM ? " (DL4J's momentum SGD is nesterov)" : ""));
                });
    }

    private static void checkValue(ParamRule hyperparameter, Declaration declaration, Object value) {
        Optional<String> problem = hyperparameter.problemWith(value);
        if (problem.isEmpty()) return;
        String text = problem.get().contains("'" + value + "'") ? problem.get() : value + " " + problem.get();
        throw declaration.nodeOf(value).fail(text);
    }

    /**
     * Every hyperparameter check accepts an interval (> 0, >= 0, [0, 1], ...), so a range whose two bounds pass
     * holds only acceptable values.
     */
    private static void checkBounds(ParamRule hyperparameter, Declaration declaration, Object low, Object high) {
        checkBound(hyperparameter, declaration, "low", low);
        checkBound(hyperparameter, declaration, "high", high);
    }

    private static void checkBound(ParamRule hyperparameter, Declaration declaration, String which, Object bound) {
        hyperparameter.problemWith(bound).ifPresent(problem -> {
            throw declaration.domain().fail(which + " bound " + bound + " " + problem);
        });
    }
}
