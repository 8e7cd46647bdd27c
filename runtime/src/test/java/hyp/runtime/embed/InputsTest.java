package hyp.runtime.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hyp.runtime.Tensor;
import hyp.runtime.data.RandomInit;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Binding values against declarations read from a solver description. */
class InputsTest {
    private static Wiring wiring() throws Exception {
        StringBuilder p = new StringBuilder("""
                format=1
                training.class=T
                globals=X,y,w,rho,c
                global.X.kind=data
                global.X.type=tensor
                global.X.dims=n,3
                global.y.kind=data
                global.y.type=tensor
                global.y.dims=n
                global.y.from=y.csv
                global.w.kind=param
                global.w.type=tensor
                global.w.dims=3
                global.w.randn=0.5
                global.rho.kind=hyper
                global.rho.type=tensor
                global.rho.dims=n
                global.rho.fill=1 n /
                global.c.kind=hyper
                global.c.type=real
                global.c.dims=
                global.c.fill=2 neg
                train.param=w
                train.targets=w
                train.steps=5
                train.state=w
                tune.hypers=rho
                tune.loss=L
                tune.method=unrolled
                tune.rounds=3
                tune.update=sgd
                tune.update.settings=lr
                tune.update.lr=0.1
                objective.hyperOrder=0
                """);
        for (String c : Wiring.CALLS) {
            p.append("call.").append(c).append(".method=m\ncall.").append(c).append(".arguments=\ncall.").append(c)
                    .append(".primal=0\ncall.").append(c).append(".cotangents=\n");
        }
        Properties props = new Properties();
        props.load(new StringReader(p.toString()));
        return Wiring.read(props);
    }

    @Test
    void defaultsAreSizedByTheGivenDataAndSeededByName() throws Exception {
        Inputs in = new Inputs(wiring());
        in.set("data", "X", new Tensor(new double[12], 4, 3));
        in.set("data", "y", new Tensor(new double[4], 4));
        Map<String, Object> v = in.resolve();
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, ((Tensor) v.get("rho")).data, 0.0);
        assertEquals(-2.0, v.get("c"));
        assertArrayEquals(RandomInit.normal(3, 0.5, "w".hashCode()), ((Tensor) v.get("w")).data, 0.0);
    }

    @Test
    void aMisshapenValueNamesItsDeclarationAndBothShapes() throws Exception {
        Inputs in = new Inputs(wiring());
        IllegalArgumentException literal = assertThrows(IllegalArgumentException.class,
                () -> in.set("data", "X", new Tensor(new double[8], 4, 2)));
        assertTrue(literal.getMessage().contains("data 'X' has shape [4, 2]") && literal.getMessage().contains("[n, 3]"),
                literal.getMessage());
        in.set("data", "X", new Tensor(new double[12], 4, 3));
        in.set("data", "y", new Tensor(new double[4], 4));
        IllegalArgumentException symbolic = assertThrows(IllegalArgumentException.class,
                () -> in.set("hyper", "rho", new Tensor(new double[5], 5)));
        assertTrue(symbolic.getMessage().contains("hyper 'rho' has shape [5]") && symbolic.getMessage().contains("[4]")
                && symbolic.getMessage().contains("n = 4 from X and y"), symbolic.getMessage());
        assertThrows(IllegalArgumentException.class, () -> in.set("data", "w", new Tensor(new double[3], 3)));
        Inputs fresh = new Inputs(wiring());
        IllegalStateException missing = assertThrows(IllegalStateException.class, fresh::resolve);
        assertTrue(missing.getMessage().contains("y.csv"), missing.getMessage());
    }

    @Test
    void oneValueAgainstAnotherNamesBothForEitherMayBeWrong() throws Exception {
        // X is the misshapen one (5 rows where y has 4): the message must not blame y alone
        Inputs in = new Inputs(wiring());
        in.set("data", "X", new Tensor(new double[15], 5, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> in.set("data", "y", new Tensor(new double[4], 4)));
        assertEquals("data 'y' has shape [4] and data 'X', given before, has shape [5, 3]: they disagree on n"
                + " (4 against 5), so one of them is misshapen (y is declared real[n], so it needs shape [5] to fit X;"
                + " X is declared real[n, 3])", e.getMessage());
        // a hyper given first and then the data: the hyper is named too
        Inputs hyperFirst = new Inputs(wiring());
        hyperFirst.set("hyper", "rho", new Tensor(new double[7], 7));
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class,
                () -> hyperFirst.set("data", "X", new Tensor(new double[12], 4, 3)));
        assertTrue(r.getMessage().contains("hyper 'rho', given before, has shape [7]"), r.getMessage());
    }
}
