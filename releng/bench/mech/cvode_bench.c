/* Benchmark harness (not product code): integrates the generated right-hand sides with SUNDIALS CVODE
 * (BDF + Newton + dense LU with CVODE's difference-quotient Jacobian for stiff, Adams + fixed point for
 * non-stiff), to the requested output times, stopping at each timed event (applies its assignments,
 * re-initializes), as an SBML simulator built on CVODE does. Prints one line per repetition:
 *   T cvode <bdf|adams> <model> <rtol> <milliseconds>
 * and writes the last repetition's trajectory as CSV.
 * usage: cvode_bench MODEL bdf|adams RTOL ATOL DURATION STEPS REPS OUT.csv */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sunlinsol/sunlinsol_dense.h>
#include <sunmatrix/sunmatrix_dense.h>
#include <sunnonlinsol/sunnonlinsol_fixedpoint.h>

typedef struct {
    const char *name; int n; int nev;
    void (*rhs)(double, const double *, double *);
    void (*event)(int, double, double *);
    const double *y0; const double *evt; const char *names;
} model_t;
#include "models_table.h"

static int f(sunrealtype t, N_Vector y, N_Vector ydot, void *ud) {
    ((model_t *) ud)->rhs(t, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot));
    return 0;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void check(int flag, const char *what) {
    if (flag < 0) { fprintf(stderr, "cvode: %s failed (%d)\n", what, flag); exit(2); }
}

/* one integration, from creating the solver to the last output */
static void integrate(model_t *m, int bdf, double rtol, double atol, int nt, const double *times, double *out) {
    SUNContext ctx;
    check(SUNContext_Create(NULL, &ctx), "context");
    N_Vector y = N_VNew_Serial(m->n, ctx);
    double *yd = N_VGetArrayPointer(y);
    memcpy(yd, m->y0, sizeof(double) * m->n);
    void *mem = CVodeCreate(bdf ? CV_BDF : CV_ADAMS, ctx);
    check(CVodeInit(mem, f, times[0], y), "init");
    check(CVodeSStolerances(mem, rtol, atol), "tolerances");
    check(CVodeSetUserData(mem, m), "user data");
    check(CVodeSetMaxNumSteps(mem, 1000000), "max steps");
    SUNMatrix A = NULL; SUNLinearSolver LS = NULL; SUNNonlinearSolver NLS = NULL;
    if (bdf) {
        A = SUNDenseMatrix(m->n, m->n, ctx);
        LS = SUNLinSol_Dense(y, A, ctx);
        check(CVodeSetLinearSolver(mem, LS, A), "linear solver");
    } else {
        NLS = SUNNonlinSol_FixedPoint(y, 0, ctx);
        check(CVodeSetNonlinearSolver(mem, NLS), "nonlinear solver");
    }
    double t = times[0];
    int next = 0; /* next event */
    while (next < m->nev && m->evt[next] < t) next++;
    /* events at the start time fire before the first output (the SBML convention) */
    for (int i = 0; i < nt; i++) {
        double tout = times[i];
        while (next < m->nev && m->evt[next] <= tout) {
            double te = m->evt[next];
            if (te > t) {
                check(CVodeSetStopTime(mem, te), "stop time");
                check(CVode(mem, te, y, &t, CV_NORMAL), "integrate to event");
            }
            m->event(next, te, yd);
            t = te;
            check(CVodeReInit(mem, t, y), "reinit");
            next++;
        }
        if (tout > t) {
            if (next < m->nev) check(CVodeSetStopTime(mem, m->evt[next]), "stop time");
            check(CVode(mem, tout, y, &t, CV_NORMAL), "integrate");
        }
        memcpy(out + (size_t) i * m->n, yd, sizeof(double) * m->n);
    }
    CVodeFree(&mem);
    if (LS) SUNLinSolFree(LS);
    if (A) SUNMatDestroy(A);
    if (NLS) SUNNonlinSolFree(NLS);
    N_VDestroy(y);
    SUNContext_Free(&ctx);
}

int main(int argc, char **argv) {
    if (argc != 9) { fprintf(stderr, "usage: cvode_bench MODEL bdf|adams RTOL ATOL DURATION STEPS REPS OUT.csv\n"); return 1; }
    model_t *m = NULL;
    for (size_t k = 0; k < sizeof MODELS / sizeof MODELS[0]; k++) if (!strcmp(MODELS[k].name, argv[1])) m = &MODELS[k];
    if (!m) { fprintf(stderr, "no model %s\n", argv[1]); return 1; }
    int bdf = !strcmp(argv[2], "bdf");
    double rtol = atof(argv[3]), atol = atof(argv[4]), dur = atof(argv[5]);
    int steps = atoi(argv[6]), reps = atoi(argv[7]), nt = steps + 1;
    double *times = malloc(sizeof(double) * nt), *out = malloc(sizeof(double) * nt * m->n);
    for (int i = 0; i < nt; i++) times[i] = dur * i / steps;
    integrate(m, bdf, rtol, atol, nt, times, out); /* warm-up: page in the libraries */
    for (int r = 0; r < reps; r++) {
        double t0 = now_ms();
        integrate(m, bdf, rtol, atol, nt, times, out);
        printf("T cvode %s %s %g %.4f\n", argv[2], m->name, rtol, now_ms() - t0);
    }
    FILE *fo = fopen(argv[8], "w");
    fprintf(fo, "time,%s\n", m->names);
    for (int i = 0; i < nt; i++) {
        fprintf(fo, "%.17g", times[i]);
        for (int j = 0; j < m->n; j++) fprintf(fo, ",%.17g", out[(size_t) i * m->n + j]);
        fprintf(fo, "\n");
    }
    fclose(fo);
    return 0;
}
