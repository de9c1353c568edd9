package org.painlab.stats.internal.report;

import java.util.List;
import org.painlab.stats.Alternative;
import org.painlab.stats.TestOptions;
import org.painlab.stats.plan.Comparison;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.Diagnostic;
import org.painlab.stats.plan.Selection;
import org.painlab.core.data.VariableKind;

/**
 * Writes the base-R code of one comparison: select the same values from the exported CSV, rerun
 * the assumption checks and the chosen test with the same options, and record R's p-value next
 * to ours. Strings are written with \\u escapes and comments in ASCII so the script parses the
 * same in any locale.
 */
public final class RCode {

    private RCode() {
    }

    /** Functions the generated blocks call; base R only (Levene without the car package). */
    public static final String PRELUDE = """
            num <- function(col) as.numeric(d[[col]])
            codes <- function(col, levels) match(d[[col]], levels) - 1
            by_arm <- function(v, arm) { x <- v[d$arm == arm]; x[!is.na(x)] }
            groups_of <- function(v) lapply(arms, function(a) by_arm(v, a))
            paired <- function(a, b, arm) { keep <- d$arm == arm & !is.na(a) & !is.na(b); list(x = a[keep], y = b[keep]) }
            # Shapiro-Wilk takes 3..5000 values: larger samples are thinned exactly as PainLab does
            sw_sample <- function(x) { n <- length(x); if (n > 5000) x[floor((0:4999) * n / 5000) + 1] else x }
            # Levene's test, mean-centred (car::leveneTest(center = mean)), without the car package
            levene <- function(groups) {
              y <- unlist(groups); g <- factor(rep(seq_along(groups), lengths(groups)))
              z <- abs(y - ave(y, g)); anova(lm(z ~ g))[1, "Pr(>F)"]
            }
            oneway_p <- function(groups, equal) {
              y <- unlist(groups); g <- factor(rep(seq_along(groups), lengths(groups)))
              oneway.test(y ~ g, var.equal = equal)$p.value
            }
            count_table <- function(values, levels, events = NULL) {
              keep <- !is.na(values)
              a <- factor(d$arm[keep], levels = arms)
              x <- values[keep]
              x <- if (is.null(events)) factor(x, levels = levels) else
                factor(ifelse(x %in% events, "event", "no event"), levels = c("event", "no event"))
              t <- table(a, x)
              t[rowSums(t) > 0, colSums(t) > 0, drop = FALSE]
            }
            g_test <- function(t) {
              e <- outer(rowSums(t), colSums(t)) / sum(t)
              g <- 2 * sum(ifelse(t > 0, t * log(t / e), 0))
              pchisq(g, (nrow(t) - 1) * (ncol(t) - 1), lower.tail = FALSE)
            }
            # scores are the positions of the kept arms and levels in the full table (empty ones dropped)
            lbl_test <- function(t, levels) {
              rs <- match(rownames(t), arms); cs <- match(colnames(t), levels)
              if (anyNA(cs)) cs <- match(colnames(t), c("event", "no event"))
              w <- as.vector(t); u <- rs[as.vector(row(t))]; v <- cs[as.vector(col(t))]; n <- sum(w)
              mu <- sum(w * u) / n; mv <- sum(w * v) / n
              r <- sum(w * (u - mu) * (v - mv)) / sqrt(sum(w * (u - mu)^2) * sum(w * (v - mv)^2))
              pchisq((n - 1) * r^2, 1, lower.tail = FALSE)
            }
            res <- data.frame(id = character(0), test = character(0), p_r = numeric(0), p_painlab = numeric(0))
            rec <- function(id, test, p, ours) res[nrow(res) + 1, ] <<- list(id, test, p, ours)
            """;

    /**
     * @param r a comparison
     * @return its block of R code
     */
    public static String block(ComparisonResult r) {
        StringBuilder sb = new StringBuilder();
        Selection s = r.selection();
        sb.append("\n# ").append(ascii(r.id())).append(": ").append(ascii(r.choice().reason())).append('\n');
        boolean coded = s.kind().isCoded();
        String levels = vector(s.levels());
        if (r.comparison() == Comparison.WITHIN) {
            String a = coded ? "codes(" + str(col(s.variable(), s.timePoint())) + ", " + levels + ")"
                    : "num(" + str(col(s.variable(), s.timePoint())) + ")";
            String b = coded ? "codes(" + str(col(s.variable(), s.baselineTimePoint())) + ", " + levels + ")"
                    : "num(" + str(col(s.variable(), s.baselineTimePoint())) + ")";
            sb.append("pr <- paired(").append(a).append(", ").append(b).append(", ").append(str(s.arm()))
                    .append("); x <- pr$x; y <- pr$y\n");
        } else if (s.kind() == VariableKind.CONTINUOUS || s.kind() == VariableKind.ORDINAL && s.eventLevels().isEmpty()) {
            String v = coded ? "codes(" + str(col(s.variable(), s.timePoint())) + ", " + levels + ")"
                    : "num(" + str(col(s.variable(), s.timePoint())) + ")";
            sb.append("v <- ").append(v).append("; groups <- groups_of(v); x <- groups[[1]]; y <- groups[[2]]\n");
            if (coded) {
                sb.append("tab <- count_table(d[[").append(str(col(s.variable(), s.timePoint()))).append("]], ")
                        .append(levels).append(")\n");
            }
        } else {
            sb.append("tab <- count_table(d[[").append(str(col(s.variable(), s.timePoint()))).append("]], ")
                    .append(levels).append(s.eventLevels().isEmpty() ? "" : ", " + vector(s.eventLevels()))
                    .append(")\n");
        }
        for (Diagnostic d : r.choice().diagnostics()) {
            if (d.result() == null) {
                continue;
            }
            String expr;
            String id;
            if ("levene".equals(d.testId())) {
                expr = "levene(groups)";
                id = r.id() + "/levene";
            } else if (d.onDifferences()) {
                expr = "shapiro.test(sw_sample(x - y))$p.value";
                id = r.id() + "/shapiro-wilk";
            } else {
                expr = "shapiro.test(sw_sample(groups[[" + (r.arms().indexOf(d.arm()) + 1) + "]]))$p.value";
                id = r.id() + "/shapiro-wilk:" + d.arm();
            }
            sb.append("rec(").append(str(id)).append(", ").append(str(d.testId())).append(", ").append(expr)
                    .append(", ").append(number(d.pValue())).append(")\n");
        }
        if (r.result() == null) {
            sb.append("# not computed: ").append(ascii(String.valueOf(r.error()))).append('\n');
            return sb.toString();
        }
        String expr = test(r.choice().testId(), r.choice().options(), levels);
        if (expr == null) {
            sb.append("# ").append(ascii(r.choice().testId())).append(" has no base-R equivalent here\n");
        } else {
            sb.append("rec(").append(str(r.id())).append(", ").append(str(r.choice().testId())).append(", ")
                    .append(expr).append(", ").append(number(r.pValue())).append(")\n");
        }
        return sb.toString();
    }

    private static String test(String id, TestOptions o, String levels) {
        String alt = str(rAlternative(o.alternative()));
        String exact = o.exactRequested() ? "TRUE" : "FALSE";
        String correct = o.correct() ? "TRUE" : "FALSE";
        return switch (id) {
            case "t-student" -> "t.test(x, y, var.equal = TRUE, alternative = " + alt + ")$p.value";
            case "t-welch" -> "t.test(x, y, var.equal = FALSE, alternative = " + alt + ")$p.value";
            case "mann-whitney" -> "wilcox.test(x, y, exact = " + exact + ", correct = " + correct + ", alternative = "
                    + alt + ")$p.value";
            case "anova" -> "oneway_p(groups, TRUE)";
            case "welch-anova" -> "oneway_p(groups, FALSE)";
            case "kruskal-wallis" -> "kruskal.test(groups)$p.value";
            case "t-paired" -> "t.test(x, y, paired = TRUE, alternative = " + alt + ")$p.value";
            case "wilcoxon-signed-rank" -> "wilcox.test(x, y, paired = TRUE, exact = " + exact + ", correct = "
                    + correct + ", alternative = " + alt + ")$p.value";
            case "chi-square" -> "suppressWarnings(chisq.test(tab, correct = " + correct + ")$p.value)";
            case "fisher" -> "(if (all(dim(tab) == 2)) fisher.test(tab, alternative = " + alt
                    + ")$p.value else fisher.test(tab, workspace = 2e8)$p.value)";
            case "g-test" -> "g_test(tab)";
            case "linear-by-linear" -> "lbl_test(tab, " + levels + ")";
            default -> null;
        };
    }

    private static String rAlternative(Alternative a) {
        return a == Alternative.TWO_SIDED ? "two.sided" : a.id();
    }

    private static String col(String variable, String timePoint) {
        return DataCsv.column(variable, timePoint);
    }

    /**
     * @param values strings
     * @return an R character vector
     */
    public static String vector(List<String> values) {
        StringBuilder sb = new StringBuilder("c(");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(str(values.get(i)));
        }
        return sb.append(')').toString();
    }

    /**
     * @param s text
     * @return an R string literal; non-ASCII characters as \\u escapes
     */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp < 0x20 || cp > 0x7e) {
                sb.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U{%x}", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }

    /**
     * @param v number
     * @return the shortest decimal that reads back as the same double, or NA
     */
    public static String number(double v) {
        return Double.isNaN(v) ? "NA" : Double.toString(v);
    }

    /**
     * @param s text for a comment
     * @return it in ASCII: common symbols spelt out, others replaced by '?'
     */
    public static String ascii(String s) {
        String t = s.replace("→", "->").replace("χ²", "chi-square").replace("±", "+/-").replace("–", "-")
                .replace("—", "-").replace("≥", ">=").replace("≤", "<=").replace("′", "'").replace("×", "x")
                .replace("÷", "/").replace("−", "-").replace("†", "+").replace("\n", " ");
        StringBuilder sb = new StringBuilder();
        t.codePoints().forEach(cp -> sb.append(cp < 0x20 || cp > 0x7e ? "?" : Character.toString(cp)));
        return sb.toString();
    }
}
