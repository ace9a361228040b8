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
        ISchedule lr = schedule(p);
        double epsilon = p.number(EPSILON);
        return switch (p.text(OPTIMIZER)) {
            case "sgd" -> new Sgd(lr);
            case "nesterov" -> new Nesterovs(lr, p.number(MOMENTUM));
            case "adagrad" -> new AdaGrad(lr, epsilon);
            case "rmsprop" -> {
                RmsProp rmsProp = new RmsProp(lr);
                rmsProp.setRmsDecay(p.number(RMS_DECAY));
                rmsProp.setEpsilon(epsilon);
                yield rmsProp;
            }
            case "adam" -> moments(new Adam(lr), p);
            case "adamax" -> moments(new AdaMax(lr), p);
            case "nadam" -> moments(new Nadam(lr), p);
            case "amsgrad" -> moments(new AMSGrad(lr), p);
            // AdaDelta adapts its own step size: it has no learning rate to schedule.
            case "adadelta" -> new AdaDelta();
            default -> throw new IllegalArgumentException("unknown optimizer '" + p.text(OPTIMIZER) + "'");
        };
    }

    private static ISchedule schedule(NetworkParams p) {
        double lr = p.number(LEARNING_RATE);
        return switch (p.text(LR_SCHEDULE)) {
            case "exponential" -> new ExponentialSchedule(ScheduleType.EPOCH, lr, p.number(LR_DECAY));
            case "step" -> new StepSchedule(ScheduleType.EPOCH, lr, p.number(LR_DECAY), p.integer(LR_STEP));
            default -> new FixedSchedule(lr);
        };
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
