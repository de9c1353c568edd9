package org.painlab.mechanism.internal.sbml;

import org.painlab.mechanism.math.FunctionDefinition;
import org.painlab.mechanism.model.Compartment;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.InitialAssignment;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Reaction;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.SpeciesReference;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.Trigger;

/** {@link Model} to an SBML Level 3 Version 2 JSBML document. */
public final class SbmlExport {
    private SbmlExport() {
    }

    public static SBMLDocument convert(Model model) {
        SBMLDocument doc = new SBMLDocument(3, 2);
        org.sbml.jsbml.Model m = doc.createModel(model.id());
        m.setName(model.name());
        if (model.conversionFactor() != null) {
            m.setConversionFactor(model.conversionFactor());
        }
        for (FunctionDefinition f : model.functions()) {
            ASTNode lambda = new ASTNode(ASTNode.Type.LAMBDA);
            for (String a : f.arguments()) {
                lambda.addChild(new ASTNode(a));
            }
            lambda.addChild(AstConversion.toAst(f.body()));
            m.createFunctionDefinition(f.id()).setMath(lambda);
        }
        for (Compartment c : model.compartments()) {
            org.sbml.jsbml.Compartment x = m.createCompartment(c.id());
            x.setName(c.name());
            x.setSpatialDimensions(3);
            if (!Double.isNaN(c.size())) {
                x.setSize(c.size());
            }
            x.setConstant(c.constant());
        }
        for (Species s : model.species()) {
            org.sbml.jsbml.Species x = m.createSpecies(s.id());
            x.setCompartment(s.compartment());
            x.setName(s.name());
            if (!Double.isNaN(s.initialAmount())) {
                x.setInitialAmount(s.initialAmount());
            } else if (!Double.isNaN(s.initialConcentration())) {
                x.setInitialConcentration(s.initialConcentration());
            }
            x.setHasOnlySubstanceUnits(s.hasOnlySubstanceUnits());
            x.setBoundaryCondition(s.boundaryCondition());
            x.setConstant(s.constant());
            if (s.conversionFactor() != null) {
                x.setConversionFactor(s.conversionFactor());
            }
        }
        for (Parameter p : model.parameters()) {
            org.sbml.jsbml.Parameter x = m.createParameter(p.id());
            x.setName(p.name());
            if (!Double.isNaN(p.value())) {
                x.setValue(p.value());
            }
            x.setConstant(p.constant());
        }
        for (InitialAssignment a : model.initialAssignments()) {
            org.sbml.jsbml.InitialAssignment x = m.createInitialAssignment();
            x.setVariable(a.variable());
            x.setMath(AstConversion.toAst(a.math()));
        }
        for (Rule r : model.rules()) {
            if (r.kind() == Rule.Kind.ASSIGNMENT) {
                org.sbml.jsbml.AssignmentRule x = m.createAssignmentRule();
                x.setVariable(r.variable());
                x.setMath(AstConversion.toAst(r.math()));
            } else {
                org.sbml.jsbml.RateRule x = m.createRateRule();
                x.setVariable(r.variable());
                x.setMath(AstConversion.toAst(r.math()));
            }
        }
        for (Reaction r : model.reactions()) {
            org.sbml.jsbml.Reaction x = m.createReaction(r.id());
            x.setName(r.name());
            x.setReversible(false);
            for (SpeciesReference s : r.reactants()) {
                org.sbml.jsbml.SpeciesReference sr = x.createReactant(m.getSpecies(s.species()));
                sr.setStoichiometry(s.stoichiometry());
                sr.setConstant(true);
            }
            for (SpeciesReference s : r.products()) {
                org.sbml.jsbml.SpeciesReference sr = x.createProduct(m.getSpecies(s.species()));
                sr.setStoichiometry(s.stoichiometry());
                sr.setConstant(true);
            }
            for (String mod : r.modifiers()) {
                x.createModifier(m.getSpecies(mod));
            }
            KineticLaw kl = x.createKineticLaw();
            r.localParameters().forEach((k, v) -> kl.createLocalParameter(k).setValue(v));
            kl.setMath(AstConversion.toAst(r.rate()));
        }
        for (Event e : model.events()) {
            org.sbml.jsbml.Event x = e.id() == null ? m.createEvent() : m.createEvent(e.id());
            if (e.name() != null) {
                x.setName(e.name());
            }
            x.setUseValuesFromTriggerTime(e.useValuesFromTriggerTime());
            Trigger t = x.createTrigger();
            t.setInitialValue(e.initialValue());
            t.setPersistent(e.persistent());
            t.setMath(AstConversion.toAst(e.trigger()));
            if (e.delay() != null) {
                x.createDelay(AstConversion.toAst(e.delay()));
            }
            if (e.priority() != null) {
                x.createPriority(AstConversion.toAst(e.priority()));
            }
            for (Event.Assignment a : e.assignments()) {
                org.sbml.jsbml.EventAssignment ea = x.createEventAssignment();
                ea.setVariable(a.variable());
                ea.setMath(AstConversion.toAst(a.math()));
            }
        }
        return doc;
    }
}
