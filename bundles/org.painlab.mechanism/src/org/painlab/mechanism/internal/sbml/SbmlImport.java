package org.painlab.mechanism.internal.sbml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.FunctionDefinition;
import org.painlab.mechanism.model.Compartment;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.InitialAssignment;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Reaction;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.SpeciesReference;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.SBMLDocument;

/** JSBML document to {@link Model}, refusing by name what the simulator does not implement. */
public final class SbmlImport {
    private SbmlImport() {
    }

    public static Model convert(SBMLDocument doc, String source) throws ModelException, UnsupportedFeatureException {
        org.sbml.jsbml.Model m = doc.getModel();
        List<FunctionDefinition> functions = new ArrayList<>();
        for (org.sbml.jsbml.FunctionDefinition f : m.getListOfFunctionDefinitions()) {
            ASTNode lambda = f.getMath();
            String where = "function definition '" + f.getId() + "'";
            if (lambda == null || lambda.getType() != ASTNode.Type.LAMBDA || lambda.getChildCount() == 0) {
                throw new ModelException(source + ": " + where + " has no lambda");
            }
            List<String> args = new ArrayList<>();
            for (int i = 0; i < lambda.getChildCount() - 1; i++) {
                args.add(lambda.getChild(i).getName());
            }
            functions.add(new FunctionDefinition(f.getId(), args, AstConversion.toExpr(lambda.getRightChild(), where)));
        }
        List<Compartment> compartments = new ArrayList<>();
        for (org.sbml.jsbml.Compartment c : m.getListOfCompartments()) {
            double size = c.isSetSize() ? c.getSize() : (c.getSpatialDimensions() == 0 ? 1 : Double.NaN);
            boolean constant = !c.isSetConstant() || c.getConstant();
            compartments.add(new Compartment(c.getId(), nameOf(c.getName(), c.getId()), size, constant));
        }
        List<Species> species = new ArrayList<>();
        for (org.sbml.jsbml.Species s : m.getListOfSpecies()) {
            double amount = s.isSetInitialAmount() ? s.getInitialAmount() : Double.NaN;
            double conc = s.isSetInitialConcentration() ? s.getInitialConcentration() : Double.NaN;
            species.add(new Species(s.getId(), nameOf(s.getName(), s.getId()), s.getCompartment(), amount, conc,
                    s.getHasOnlySubstanceUnits(), s.getBoundaryCondition(), s.isSetConstant() && s.getConstant(),
                    s.isSetConversionFactor() ? s.getConversionFactor() : null));
        }
        List<Parameter> parameters = new ArrayList<>();
        for (org.sbml.jsbml.Parameter p : m.getListOfParameters()) {
            parameters.add(new Parameter(p.getId(), nameOf(p.getName(), p.getId()), p.isSetValue() ? p.getValue() : Double.NaN,
                    !p.isSetConstant() || p.getConstant()));
        }
        List<InitialAssignment> initial = new ArrayList<>();
        for (org.sbml.jsbml.InitialAssignment a : m.getListOfInitialAssignments()) {
            initial.add(new InitialAssignment(a.getVariable(),
                    AstConversion.toExpr(a.getMath(), "initial assignment to '" + a.getVariable() + "'")));
        }
        List<Rule> rules = new ArrayList<>();
        for (org.sbml.jsbml.Rule r : m.getListOfRules()) {
            if (r instanceof AlgebraicRule) {
                throw new UnsupportedFeatureException("AlgebraicRule", source);
            } else if (r instanceof AssignmentRule a) {
                rules.add(new Rule(Rule.Kind.ASSIGNMENT, a.getVariable(),
                        AstConversion.toExpr(a.getMath(), "assignment rule for '" + a.getVariable() + "'")));
            } else if (r instanceof RateRule a) {
                rules.add(new Rule(Rule.Kind.RATE, a.getVariable(),
                        AstConversion.toExpr(a.getMath(), "rate rule for '" + a.getVariable() + "'")));
            }
        }
        List<Reaction> reactions = new ArrayList<>();
        for (org.sbml.jsbml.Reaction r : m.getListOfReactions()) {
            String where = "reaction '" + r.getId() + "'";
            if (r.isSetFast() && r.getFast()) {
                throw new UnsupportedFeatureException("fast reaction", where);
            }
            KineticLaw kl = r.getKineticLaw();
            if (kl == null || kl.getMath() == null) {
                throw new ModelException(source + ": " + where + " has no kinetic law");
            }
            Map<String, Double> locals = new LinkedHashMap<>();
            for (LocalParameter lp : kl.getListOfLocalParameters()) {
                locals.put(lp.getId(), lp.getValue());
            }
            List<String> modifiers = new ArrayList<>();
            r.getListOfModifiers().forEach(x -> modifiers.add(x.getSpecies()));
            reactions.add(new Reaction(r.getId(), nameOf(r.getName(), r.getId()), refs(r.getListOfReactants(), where),
                    refs(r.getListOfProducts(), where), modifiers, AstConversion.toExpr(kl.getMath(), "kinetic law of " + where),
                    locals));
        }
        List<Event> events = new ArrayList<>();
        for (org.sbml.jsbml.Event e : m.getListOfEvents()) {
            String where = "event '" + (e.isSetId() ? e.getId() : "#" + events.size()) + "'";
            Expr delay = e.isSetDelay() && e.getDelay().isSetMath() ? AstConversion.toExpr(e.getDelay().getMath(), where + " delay") : null;
            Expr priority = e.isSetPriority() && e.getPriority().isSetMath()
                    ? AstConversion.toExpr(e.getPriority().getMath(), where + " priority")
                    : null;
            // Level 2 has no attribute and means true; Level 3 requires it
            boolean fromTrigger = !e.isSetUseValuesFromTriggerTime() || e.getUseValuesFromTriggerTime();
            if (e.getTrigger() == null) {
                throw new ModelException(source + ": " + where + " has no trigger");
            }
            List<Event.Assignment> assignments = new ArrayList<>();
            for (EventAssignment a : e.getListOfEventAssignments()) {
                assignments.add(new Event.Assignment(a.getVariable(),
                        AstConversion.toExpr(a.getMath(), where + " assignment to '" + a.getVariable() + "'")));
            }
            boolean initialValue = !e.getTrigger().isSetInitialValue() || e.getTrigger().getInitialValue();
            boolean persistent = !e.getTrigger().isSetPersistent() || e.getTrigger().getPersistent();
            events.add(new Event(e.isSetId() ? e.getId() : null, e.getName(), AstConversion.toExpr(e.getTrigger().getMath(), where + " trigger"),
                    initialValue, persistent, delay, assignments, fromTrigger, priority));
        }
        String cf = m.isSetConversionFactor() ? m.getConversionFactor() : null;
        String id = m.isSetId() ? m.getId() : "model";
        return new Model(id, nameOf(m.getName(), id), functions, compartments, species, parameters, initial, rules, reactions,
                events, cf);
    }

    private static List<SpeciesReference> refs(Iterable<org.sbml.jsbml.SpeciesReference> list, String where)
            throws UnsupportedFeatureException {
        List<SpeciesReference> out = new ArrayList<>();
        for (org.sbml.jsbml.SpeciesReference r : list) {
            if (r.isSetStoichiometryMath() || (r.isSetId() && r.isSetConstant() && !r.getConstant())) {
                throw new UnsupportedFeatureException("variable stoichiometry", where + " species '" + r.getSpecies() + "'");
            }
            if (r.isSetId()) {
                throw new UnsupportedFeatureException("species reference id used as a symbol", where + " species '" + r.getSpecies() + "'");
            }
            out.add(new SpeciesReference(r.getSpecies(), r.isSetStoichiometry() ? r.getStoichiometry() : 1));
        }
        return out;
    }

    private static String nameOf(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }
}
