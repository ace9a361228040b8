package io.tune4j.search.sampler;

import io.tune4j.search.space.Parameter;
import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.study.Direction;
import io.tune4j.search.study.TrialRecord;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.deeplearning4j.arbiter.optimize.generator.genetic.ChromosomeFactory;
import org.deeplearning4j.arbiter.optimize.generator.genetic.crossover.SinglePointCrossover;
import org.deeplearning4j.arbiter.optimize.generator.genetic.crossover.parentselection.RandomTwoParentSelection;
import org.deeplearning4j.arbiter.optimize.generator.genetic.mutation.RandomMutationOperator;
import org.deeplearning4j.arbiter.optimize.generator.genetic.population.PopulationModel;
import org.deeplearning4j.arbiter.optimize.generator.genetic.selection.GeneticSelectionOperator;

/**
 * Arbiter's genetic algorithm (its population model with least-fit culling, random parent selection,
 * single-point crossover and random mutation) over the unit cube of the space. A chromosome's genes are a
 * trial's unit coordinates and its fitness the trial's value.
 *
 * <p>Arbiter's generator keeps its population in memory and draws from unseeded generators. Here the
 * population is rebuilt from the study's finished trials for each suggestion, with generators seeded by the
 * study seed and the trial number: a continued or repeated study gets the same suggestions, and trials running
 * in parallel get different offspring because their numbers differ.
 */
public final class GeneticSampler implements Sampler {
    /** How many times a suggestion that repeats a running or finished trial is bred again. */
    private static final int ATTEMPTS = 50;

    private final long seed;
    /** Zero: sized from the space, see {@link #populationSize(int)}. */
    private final int populationSize;

    public GeneticSampler(long seed) {
        this(seed, 0);
    }

    /** {@code populationSize}: the largest population kept; random genes until two thirds of it have finished. */
    public GeneticSampler(long seed, int populationSize) {
        if (populationSize != 0 && populationSize < 3) {
            throw new IllegalArgumentException("population must be >= 3, got " + populationSize);
        }
        this.seed = seed;
        this.populationSize = populationSize;
    }

    /**
     * Arbiter's own guidance: a population that keeps, after culling a third, 1.5 to 2 times as many chromosomes
     * as there are genes. Its fixed default of 30 breeds from the better half of 40 trials on a 2-D space, which
     * barely beats random search.
     */
    private int populationSize(int dimensions) {
        return populationSize != 0 ? populationSize : Math.max(10, 3 * dimensions);
    }

    @Override
    public Map<String, Object> suggest(SamplingContext context) {
        SearchSpace space = context.space();
        RandomGenerator random = new MersenneTwister(TrialSeeds.of(seed, context.trialNumber()));
        PopulationModel population = new PopulationModel.Builder()
                .populationSize(populationSize(space.dimensions())).build();
        population.initializeInstance(context.direction() == Direction.MINIMIZE);
        ChromosomeFactory chromosomes = new ChromosomeFactory();
        chromosomes.initializeInstance(space.dimensions());
        GeneticSelectionOperator selection = new GeneticSelectionOperator.Builder()
                .crossoverOperator(new SinglePointCrossover.Builder().randomGenerator(random)
                        .parentSelection(new RandomTwoParentSelection(random)).build())
                .mutationOperator(new RandomMutationOperator.Builder().randomGenerator(random).build())
                .randomGenerator(random)
                .build();
        selection.initializeInstance(population, chromosomes);
        for (TrialRecord trial : context.finished()) {
            trial.valueIfComplete().ifPresent(value ->
                    population.add(chromosomes.createChromosome(genes(space, trial), value)));
        }
        return freshOffspring(context, selection);
    }

    /** Offspring whose params no trial has had yet, so parallel trials and repeated breeding do not waste runs. */
    private static Map<String, Object> freshOffspring(SamplingContext context, GeneticSelectionOperator selection) {
        Set<Map<String, Object>> taken = new HashSet<>(context.pending());
        for (TrialRecord trial : context.finished()) taken.add(trial.params());
        Map<String, Object> params = context.space().fromUnit(selection.buildNextGenes());
        for (int attempt = 1; attempt < ATTEMPTS && taken.contains(params); attempt++) {
            params = context.space().fromUnit(selection.buildNextGenes());
        }
        return params;
    }

    /**
     * The trial's unit coordinates. A parameter that was inactive in the trial has no coordinate; it gets a
     * draw fixed by the trial's number, so that offspring which activate it inherit a spread of values, not a
     * constant.
     */
    private double[] genes(SearchSpace space, TrialRecord trial) {
        SplittableRandom filler = new SplittableRandom(seed ^ trial.number());
        double[] genes = new double[space.dimensions()];
        for (int i = 0; i < genes.length; i++) {
            Parameter parameter = space.parameters().get(i);
            double draw = filler.nextDouble();
            Object value = trial.params().get(parameter.name());
            boolean present = value != null && SearchSpace.isActive(parameter, trial.params())
                    && parameter.contains(value);
            genes[i] = present ? parameter.toUnit(value) : draw;
        }
        return genes;
    }

    @Override
    public String name() {
        return "genetic";
    }

    @Override
    public long seed() {
        return seed;
    }
}
