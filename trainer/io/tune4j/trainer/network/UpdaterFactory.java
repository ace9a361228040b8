package io.tune4j.trainer.network;

import static io.tune4j.trainer.network.Hyperparameter.BETA1;
import static io.tune4j.trainer.network.Hyperparameter.BETA2;
import static io.tune4j.trainer.network.Hyperparameter.EPSILON;
import static io.tune4j.trainer.network.Hyperparameter.LEARNING_RATE;
import static io.tune4j.trainer.network.Hyperparameter.LR_DECAY;
import static io.tune4j.trainer.network.Hyperparameter.LR_SCHEDULE;
import static io.tune4j.trainer.network.Hyperparameter.LR_STEP;
import static io.tune4j.trainer.network.Hyperparameter.MOMENTUM;
import static io.tune4j.trainer.network.Hyperparameter.OPTIMIZER;
import static io.tune4j.trainer.network.Hyperparameter.RMS_DECAY;

import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The DL4J updater a trial's {@code optimizer} names, with every one of its sampled settings set explicitly:
 * nothing is left to a constructor's defaults (Arbiter's AdamSpace(lr) shows what that costs: beta1 = beta2
 * = epsilon = 0.001).
 */
final class UpdaterFactory {
    private UpdaterFactory() {}

    static IUpdater create(NetworkParams p) {
        LearningRate lr = LearningRate.of(p);
        double epsilon = p.number(EPSILON);
        return switch (p.text(OPTIMIZER)) {
            case "sgd" -> lr.scheduled(Sgd::new, Sgd::new);
            case "nesterov" -> new Nesterovs(lr.schedule(), p.number(MOMENTUM));
            case "adagrad" -> {
                // DL4J M2.1's AdaGrad.clone() keeps the rate but drops the schedule, and every layer gets a
                // clone: a scheduled AdaGrad would train with a NaN learning rate. Refuse it plainly instead.
                if (lr.isScheduled()) {
                    throw new IllegalArgumentException("optimizer adagrad cannot take lr_schedule "
                            + p.text(LR_SCHEDULE) + " (DL4J 1.0.0-M2.1 drops AdaGrad's schedule); use lr_schedule none");
                }
                yield new AdaGrad(lr.initial(), epsilon);
            }
            case "rmsprop" -> {
                RmsProp rmsProp = lr.scheduled(RmsProp::new, RmsProp::new);
                rmsProp.setRmsDecay(p.number(RMS_DECAY));
                rmsProp.setEpsilon(epsilon);
                yield rmsProp;
            }
            case "adam" -> moments(lr.scheduled(Adam::new, Adam::new), p);
            case "adamax" -> moments(lr.scheduled(AdaMax::new, AdaMax::new), p);
            case "nadam" -> moments(lr.scheduled(Nadam::new, Nadam::new), p);
            case "amsgrad" -> moments(lr.scheduled(AMSGrad::new, AMSGrad::new), p);
            // AdaDelta adapts its own step size: it has no learning rate to schedule.
            case "adadelta" -> new AdaDelta();
            default -> throw new IllegalArgumentException("unknown optimizer '" + p.text(OPTIMIZER) + "'");
        };
    }

    /** The learning rate, constant or decaying per epoch. */
    private record LearningRate(double initial, ISchedule decay) {
        static LearningRate of(NetworkParams p) {
            double lr = p.number(LEARNING_RATE);
            return new LearningRate(lr, switch (p.text(LR_SCHEDULE)) {
                case "exponential" -> new ExponentialSchedule(ScheduleType.EPOCH, lr, p.number(LR_DECAY));
                case "step" -> new StepSchedule(ScheduleType.EPOCH, lr, p.number(LR_DECAY), p.integer(LR_STEP));
                default -> null;
            });
        }

        boolean isScheduled() {
            return decay != null;
        }

        /** A constant rate goes in as a plain number: DL4J's clones and JSON carry that form most simply. */
        <U> U scheduled(DoubleFunction<U> constant, Function<ISchedule, U> decaying) {
            return decay == null ? constant.apply(initial) : decaying.apply(decay);
        }

        ISchedule schedule() {
            return decay == null ? new FixedSchedule(initial) : decay;
        }
    }

    /** The four Adam-family updaters share beta1, beta2 and epsilon but no common setter interface. */
    private static IUpdater moments(IUpdater updater, NetworkParams p) {
        double beta1 = p.number(BETA1);
        double beta2 = p.number(BETA2);
        double epsilon = p.number(EPSILON);
        if (updater instanceof Adam adam) {
            adam.setBeta1(beta1);
            adam.setBeta2(beta2);
            adam.setEpsilon(epsilon);
        } else if (updater instanceof AdaMax adaMax) {
            adaMax.setBeta1(beta1);
            adaMax.setBeta2(beta2);
            adaMax.setEpsilon(epsilon);
        } else if (updater instanceof Nadam nadam) {
            nadam.setBeta1(beta1);
            nadam.setBeta2(beta2);
            nadam.setEpsilon(epsilon);
        } else if (updater instanceof AMSGrad amsGrad) {
            amsGrad.setBeta1(beta1);
            amsGrad.setBeta2(beta2);
            amsGrad.setEpsilon(epsilon);
        }
        return updater;
    }
}
