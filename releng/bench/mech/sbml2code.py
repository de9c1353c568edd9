#!/usr/bin/python3
"""Benchmark helper (not product code): turns an SBML file into the right-hand side of its ODEs in C (for the
SUNDIALS CVODE harness), R (deSolve) and Python (SciPy), so the peers integrate exactly the equations PainLab
reads. python3-libsbml is not in Debian 12, so this reads the SBML/MathML subset the built-in models use with
the standard library: species (constant compartments), parameters, rate and assignment rules, initial
assignments, function definitions (inlined), reactions with local parameters, and events whose trigger is
time >= (constant expression). Anything else stops with the feature's name.

  sbml2code.py MODEL.xml NAME OUTDIR   ->  OUTDIR/NAME.h, NAME.R, NAME.py, NAME.json
"""
import json
import math
import sys
import xml.etree.ElementTree as ET

M = '{http://www.w3.org/1998/Math/MathML}'


class Unsupported(Exception):
    pass


def strip(tag):
    return tag.split('}', 1)[-1]


def math_of(el):
    m = el.find(M + 'math')
    if m is None:
        return None
    kids = list(m)
    return parse(kids[0])


def parse(e):
    t = strip(e.tag)
    if t == 'cn':
        ty = e.get('type', 'real')
        if ty == 'e-notation':
            parts = [p for p in e.itertext()]
            return ('num', float(parts[0].strip()) * 10 ** float(parts[-1].strip()))
        if ty == 'rational':
            parts = [p for p in e.itertext()]
            return ('num', float(parts[0].strip()) / float(parts[-1].strip()))
        return ('num', float(e.text.strip()))
    if t == 'ci':
        return ('name', e.text.strip())
    if t == 'csymbol':
        url = e.get('definitionURL', '')
        if url.endswith('/time'):
            return ('time',)
        raise Unsupported('csymbol ' + url)
    if t in ('exponentiale',):
        return ('num', math.e)
    if t == 'pi':
        return ('num', math.pi)
    if t == 'true':
        return ('num', 1.0)
    if t == 'false':
        return ('num', 0.0)
    if t == 'apply':
        kids = list(e)
        op = kids[0]
        args = [parse(k) for k in kids[1:] if strip(k.tag) not in ('degree', 'logbase')]
        ot = strip(op.tag)
        if ot == 'ci':
            return ('call', op.text.strip(), args)
        if ot in ('plus', 'minus', 'times', 'divide', 'power', 'exp', 'ln', 'abs', 'geq', 'gt', 'leq', 'lt', 'eq'):
            return ('op', ot, args)
        if ot == 'root':
            return ('op', 'power', [args[0], ('num', 0.5)])
        raise Unsupported('MathML operator ' + ot)
    raise Unsupported('MathML element ' + t)


def subst(x, env):
    if x[0] == 'name' and x[1] in env:
        return env[x[1]]
    if x[0] == 'op':
        return ('op', x[1], [subst(a, env) for a in x[2]])
    if x[0] == 'call':
        return ('call', x[1], [subst(a, env) for a in x[2]])
    return x


def inline(x, fdefs):
    if x[0] == 'op':
        return ('op', x[1], [inline(a, fdefs) for a in x[2]])
    if x[0] == 'call':
        params, body = fdefs[x[1]]
        args = [inline(a, fdefs) for a in x[2]]
        return inline(subst(body, dict(zip(params, args))), fdefs)
    return x


def names(x, out):
    if x[0] == 'name':
        out.add(x[1])
    elif x[0] in ('op', 'call'):
        for a in x[2]:
            names(a, out)
    return out


def evaluate(x, env, t=0.0):
    k = x[0]
    if k == 'num':
        return x[1]
    if k == 'name':
        return env[x[1]]
    if k == 'time':
        return t
    a = [evaluate(y, env, t) for y in x[2]]
    o = x[1]
    if o == 'plus':
        return sum(a)
    if o == 'minus':
        return -a[0] if len(a) == 1 else a[0] - a[1]
    if o == 'times':
        return math.prod(a)
    if o == 'divide':
        return a[0] / a[1]
    if o == 'power':
        return a[0] ** a[1]
    if o == 'exp':
        return math.exp(a[0])
    if o == 'ln':
        return math.log(a[0])
    if o == 'abs':
        return abs(a[0])
    raise Unsupported('evaluating ' + o)


def emit(x, lang):
    k = x[0]
    if k == 'num':
        return repr(float(x[1])) if lang != 'R' else repr(float(x[1])).replace('inf', 'Inf')
    if k == 'name':
        return 'v_' + x[1]
    if k == 'time':
        return 't'
    o, a = x[1], [emit(y, lang) for y in x[2]]
    if o == 'plus':
        return '(' + ' + '.join(a) + ')' if a else '0.0'
    if o == 'minus':
        return '(-' + a[0] + ')' if len(a) == 1 else '(' + a[0] + ' - ' + a[1] + ')'
    if o == 'times':
        return '(' + ' * '.join(a) + ')' if a else '1.0'
    if o == 'divide':
        return '(' + a[0] + ' / ' + a[1] + ')'
    if o == 'power':
        return {'C': 'pow(%s, %s)', 'R': '(%s ^ %s)', 'py': '(%s ** %s)'}[lang] % (a[0], a[1])
    if o == 'exp':
        return ('exp(%s)' if lang != 'py' else 'math.exp(%s)') % a[0]
    if o == 'ln':
        return ('log(%s)' if lang != 'py' else 'math.log(%s)') % a[0]
    if o == 'abs':
        return ('fabs(%s)' if lang == 'C' else 'abs(%s)') % a[0]
    raise Unsupported('operator in a rate: ' + o)


def main(path, name, outdir):
    root = ET.parse(path).getroot()
    ns = root.tag.split('}')[0] + '}'
    model = root.find(ns + 'model')

    def lst(tag, item):
        lo = model.find(ns + tag)
        return [] if lo is None else lo.findall(ns + item)

    fdefs = {}
    for f in lst('listOfFunctionDefinitions', 'functionDefinition'):
        lam = f.find(M + 'math').find(M + 'lambda')
        bv = [b.find(M + 'ci').text.strip() for b in lam.findall(M + 'bvar')]
        body = [k for k in lam if strip(k.tag) != 'bvar'][0]
        fdefs[f.get('id')] = (bv, parse(body))
    values, const, kind = {}, {}, {}
    comps = {}
    for c in lst('listOfCompartments', 'compartment'):
        values[c.get('id')] = float(c.get('size', 'nan'))
        const[c.get('id')] = c.get('constant', 'true') == 'true'
        kind[c.get('id')] = 'compartment'
        if not const[c.get('id')]:
            raise Unsupported('variable compartment')
    species = {}
    for s in lst('listOfSpecies', 'species'):
        sid = s.get('id')
        comp = s.get('compartment')
        only = s.get('hasOnlySubstanceUnits', 'false') == 'true'
        if s.get('initialAmount') is not None:
            amount = float(s.get('initialAmount'))
        elif s.get('initialConcentration') is not None:
            amount = float(s.get('initialConcentration')) * values[comp]
        else:
            amount = float('nan')
        species[sid] = dict(comp=comp, only=only, boundary=s.get('boundaryCondition', 'false') == 'true',
                            constant=s.get('constant', 'false') == 'true')
        if s.get('conversionFactor') or model.get('conversionFactor'):
            raise Unsupported('conversion factor')
        values[sid] = amount if only else amount / values[comp]  # the symbol's value
        const[sid] = species[sid]['constant']
        kind[sid] = 'species'
    for p in lst('listOfParameters', 'parameter'):
        values[p.get('id')] = float(p.get('value', 'nan'))
        const[p.get('id')] = p.get('constant', 'true') == 'true'
        kind[p.get('id')] = 'parameter'
    inline_ = lambda x: inline(x, fdefs)
    rate_rules, assign_rules = {}, []
    for r in list(model.find(ns + 'listOfRules') or []):
        t = strip(r.tag)
        v = r.get('variable')
        if t == 'rateRule':
            rate_rules[v] = inline_(math_of(r))
        elif t == 'assignmentRule':
            assign_rules.append((v, inline_(math_of(r))))
        else:
            raise Unsupported(t)
    reactions = []
    for rx in lst('listOfReactions', 'reaction'):
        if rx.get('fast') == 'true':
            raise Unsupported('fast reaction')
        kl = rx.find(ns + 'kineticLaw')
        law = inline_(math_of(kl))
        loc = {}
        for lp in (kl.findall(ns + 'listOfLocalParameters/' + ns + 'localParameter')
                   + kl.findall(ns + 'listOfParameters/' + ns + 'parameter')):
            loc[lp.get('id')] = ('num', float(lp.get('value')))
        law = subst(law, loc)
        sto = []
        for tag, sign in (('listOfReactants', -1), ('listOfProducts', 1)):
            for sr in rx.findall(ns + tag + '/' + ns + 'speciesReference'):
                if sr.get('id') or sr.get('constant') == 'false':
                    raise Unsupported('variable stoichiometry')
                sto.append((sr.get('species'), sign * float(sr.get('stoichiometry', '1'))))
        reactions.append((law, sto))
    events = []
    for ev in lst('listOfEvents', 'event'):
        if ev.find(ns + 'delay') is not None:
            raise Unsupported('event delay')
        trig = inline_(math_of(ev.find(ns + 'trigger')))
        if not (trig[0] == 'op' and trig[1] == 'geq' and trig[2][0] == ('time',)):
            raise Unsupported('event trigger other than time >= constant')
        events.append((trig[2][1], [(a.get('variable'), inline_(math_of(a)))
                                   for a in ev.findall(ns + 'listOfEventAssignments/' + ns + 'eventAssignment')]))
    # initial values: initial assignments and assignment rules in dependency order
    pending = {}
    for ia in lst('listOfInitialAssignments', 'initialAssignment'):
        pending[ia.get('symbol')] = inline_(math_of(ia))
    for v, x in assign_rules:
        pending[v] = x
    for _ in range(len(pending) + 1):
        for v, x in list(pending.items()):
            if not (names(x, set()) & set(pending)):
                values[v] = evaluate(x, values)
                del pending[v]
    if pending:
        raise Unsupported('cyclic initial values')
    assigned = {v for v, _ in assign_rules}
    # states: species changed by reactions or rate rules, parameters with rate rules or event assignments
    touched = {a[0] for _, ass in events for a in ass}
    states = []
    for sid, s in species.items():
        if sid in assigned or s['constant']:
            continue
        moved = sid in rate_rules or any(sp == sid for _, sto in reactions for sp, _ in sto) or sid in touched
        if moved:
            states.append(sid)
    for pid, k in kind.items():
        if k != 'species' and pid not in assigned and (pid in rate_rules or pid in touched):
            states.append(pid)
    # order assignment rules by dependency
    order, left = [], dict(assign_rules)
    while left:
        ready = [v for v, x in left.items() if not (names(x, set()) & set(left))]
        if not ready:
            raise Unsupported('cyclic assignment rules')
        for v in ready:
            order.append((v, left.pop(v)))
    deriv = {}
    for st in states:
        if st in rate_rules:
            x = rate_rules[st]
            if kind[st] == 'species' and not species[st]['only']:
                x = ('op', 'times', [x, ('name', species[st]['comp'])])  # rate rule on a concentration
            deriv[st] = x
        elif kind[st] == 'species' and not species[st]['boundary']:
            terms = [('op', 'times', [('num', c), law]) for law, sto in reactions for sp, c in sto if sp == st]
            deriv[st] = ('op', 'plus', terms) if terms else ('num', 0.0)
        else:
            deriv[st] = ('num', 0.0)
    # the symbol of a species in concentration is amount / compartment
    def sym(st, lang, idx):
        y = {'C': 'y[%d]', 'R': 'y[%d]', 'py': 'y[%d]'}[lang] % (idx + (1 if lang == 'R' else 0))
        if kind[st] == 'species' and not species[st]['only']:
            return '%s / v_%s' % (y, species[st]['comp'])
        return y
    used_consts = sorted(k for k in values if k not in states and k not in assigned)
    y0 = [values[s] * (values[species[s]['comp']] if kind[s] == 'species' and not species[s]['only'] else 1)
          for s in states]
    ev_out = []
    for trig_x, ass in events:
        te = evaluate(trig_x, values)
        ev_out.append(dict(time=te, assignments=[(states.index(v), x) for v, x in ass]))
    for e in ev_out:
        for i, x in e['assignments']:
            if kind[states[i]] == 'species' and not species[states[i]]['only']:
                raise Unsupported('event assigning a concentration')

    def body(lang):
        L = []
        for k in used_consts:
            L.append({'C': '    const double v_%s = %s;', 'R': '  v_%s <- %s', 'py': '    v_%s = %s'}[lang]
                     % (k, emit(('num', values[k]), lang)))
        for i, st in enumerate(states):
            L.append({'C': '    const double v_%s = %s;', 'R': '  v_%s <- %s', 'py': '    v_%s = %s'}[lang]
                     % (st, sym(st, lang, i)))
        for v, x in order:
            L.append({'C': '    const double v_%s = %s;', 'R': '  v_%s <- %s', 'py': '    v_%s = %s'}[lang]
                     % (v, emit(x, lang)))
        return L

    # C
    c = ['/* generated by sbml2code.py from %s */' % path,
         'static void rhs_%s(double t, const double *y, double *dy) {' % name]
    c += body('C')
    c += ['    dy[%d] = %s;' % (i, emit(deriv[s], 'C')) for i, s in enumerate(states)]
    c += ['    (void) t;', '}']
    c += ['static void event_%s(int k, double t, double *y) {' % name]
    c += body('C')
    for k, e in enumerate(ev_out):
        c.append('    if (k == %d) {' % k)
        c += ['        const double n%d = %s;' % (j, emit(x, 'C')) for j, (i, x) in enumerate(e['assignments'])]
        c += ['        y[%d] = n%d;' % (i, j) for j, (i, x) in enumerate(e['assignments'])]
        c.append('    }')
    c += ['    (void) t;', '}']
    c += ['static const double y0_%s[] = {%s};' % (name, ', '.join(repr(float(v)) for v in y0) or '0.0'),
          'static const double evt_%s[] = {%s};' % (name, ', '.join(repr(float(e['time'])) for e in ev_out) or '0.0'),
          'static const char names_%s[] = "%s";' % (name, ','.join(states))]
    c.append('#define MODEL_%s {"%s", %d, %d, rhs_%s, event_%s, y0_%s, evt_%s, names_%s}' % (
        name, name, len(states), len(ev_out), name, name, name, name, name))
    open('%s/%s.h' % (outdir, name), 'w').write('\n'.join(c) + '\n')
    # R
    r = ['# generated by sbml2code.py from %s' % path, 'rhs_%s <- function(t, y, parms) {' % name]
    r += body('R')
    r.append('  list(c(%s))' % ', '.join(emit(deriv[s], 'R') for s in states))
    r.append('}')
    r.append('event_%s <- function(k, t, y) {' % name)
    r += body('R')
    for k, e in enumerate(ev_out):
        r.append('  if (k == %d) {' % k)
        r += ['    n%d <- %s' % (j, emit(x, 'R')) for j, (i, x) in enumerate(e['assignments'])]
        r += ['    y[%d] <- n%d' % (i + 1, j) for j, (i, x) in enumerate(e['assignments'])]
        r.append('  }')
    r += ['  y', '}']
    open('%s/%s.R' % (outdir, name), 'w').write('\n'.join(r) + '\n')
    # Python
    p = ['# generated by sbml2code.py from %s' % path, 'import math', '', 'def rhs(t, y):']
    p += body('py')
    p.append('    return [%s]' % ', '.join(emit(deriv[s], 'py') for s in states))
    p += ['', 'def event(k, t, y):', '    y = list(y)']
    p += body('py')
    for k, e in enumerate(ev_out):
        p.append('    if k == %d:' % k)
        p += ['        n%d = %s' % (j, emit(x, 'py')) for j, (i, x) in enumerate(e['assignments'])]
        p += ['        y[%d] = n%d' % (i, j) for j, (i, x) in enumerate(e['assignments'])]
    p += ['    return y']
    open('%s/%s.py' % (outdir, name), 'w').write('\n'.join(p) + '\n')
    json.dump(dict(states=states, y0=y0, events=[e['time'] for e in ev_out],
                   amounts=[kind[s] != 'species' or True for s in states]),
              open('%s/%s.json' % (outdir, name), 'w'))


if __name__ == '__main__':
    try:
        main(*sys.argv[1:4])
    except Unsupported as e:
        print('unsupported: %s (%s)' % (e, sys.argv[1]), file=sys.stderr)
        sys.exit(3)
