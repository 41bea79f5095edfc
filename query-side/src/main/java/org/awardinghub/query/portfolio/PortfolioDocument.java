package org.awardinghub.query.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awardinghub.query.Erased;
import org.awardinghub.query.portfolio.PortfolioViews.CriterionView;
import org.awardinghub.query.portfolio.PortfolioViews.EvidenceVersionView;
import org.awardinghub.query.portfolio.PortfolioViews.EvidenceView;
import org.awardinghub.query.portfolio.PortfolioViews.JudgementView;
import org.awardinghub.query.portfolio.PortfolioViews.PortfolioView;
import org.awardinghub.query.portfolio.PortfolioViews.UnitView;

/**
 * A candidate's portfolio as {@value PortfolioProjection#PORTFOLIOS} stores it: {@code _id} is the candidate id,
 * which the document also keeps as {@code candidateId}. Its units are stored as they are answered; its evidence
 * without each piece's latest version and whether it awaits judgement, and the portfolio without its totals: those
 * are computed when read ({@link #view}).
 */
record PortfolioDocument(
        String candidateId,
        String qualificationCode,
        String assessorUserId,
        String assessorPin,
        String iqaUserId,
        String iqaPin,
        List<UnitView> units,
        List<Evidence> evidence,
        String centreId) {

    /** A portfolio at its first event: its qualification's units, no one assigned, no evidence. */
    static PortfolioDocument opened(String candidateId, String qualificationCode, List<UnitView> units) {
        return new PortfolioDocument(candidateId, qualificationCode, null, null, null, null, units, List.of(), null);
    }

    PortfolioDocument at(String centreId) {
        return new PortfolioDocument(
                candidateId,
                qualificationCode,
                assessorUserId,
                assessorPin,
                iqaUserId,
                iqaPin,
                units,
                evidence,
                centreId);
    }

    PortfolioDocument assessedBy(String assessorUserId, String assessorPin) {
        return new PortfolioDocument(
                candidateId,
                qualificationCode,
                assessorUserId,
                assessorPin,
                iqaUserId,
                iqaPin,
                units,
                evidence,
                centreId);
    }

    PortfolioDocument assuredBy(String iqaUserId, String iqaPin) {
        return new PortfolioDocument(
                candidateId,
                qualificationCode,
                assessorUserId,
                assessorPin,
                iqaUserId,
                iqaPin,
                units,
                evidence,
                centreId);
    }

    /** The version added to the first piece of evidence with that id, which is new (in that unit) when none is. */
    PortfolioDocument uploaded(String evidenceId, String unitCode, EvidenceVersionView version) {
        List<Evidence> pieces = new ArrayList<>(evidence);
        int index = -1;
        for (int i = 0; i < pieces.size() && index < 0; i++) {
            if (evidenceId.equals(pieces.get(i).evidenceId())) {
                index = i;
            }
        }
        if (index < 0) {
            pieces.add(new Evidence(evidenceId, unitCode, List.of(), List.of()));
            index = pieces.size() - 1;
        }
        pieces.set(index, pieces.get(index).with(version));
        return with(pieces);
    }

    /** The judgement added to the evidence judged, and the unit's criteria met or not as it says. */
    PortfolioDocument judged(String evidenceId, String unitCode, JudgementView judgement) {
        List<Evidence> pieces = evidence.stream()
                .map(piece -> evidenceId.equals(piece.evidenceId()) ? piece.with(judgement) : piece)
                .toList();
        return with(pieces).withUnit(unitCode, unit -> unit.judged(judgement));
    }

    /** The unit (any unit with that code) changed; the portfolio unchanged when it has no such unit. */
    PortfolioDocument withUnit(String unitCode, UnaryOperator<UnitView> change) {
        List<UnitView> changed = units.stream()
                .map(unit -> unitCode.equals(unit.unitCode()) ? change.apply(unit) : unit)
                .toList();
        return new PortfolioDocument(
                candidateId,
                qualificationCode,
                assessorUserId,
                assessorPin,
                iqaUserId,
                iqaPin,
                changed,
                evidence,
                centreId);
    }

    /**
     * The candidate erased (ADR 0165): every evidence version's description, file name and SHA-256, every judgement's
     * feedback and every unit's sampling feedback read "(erased)", as the events now read; what was judged met, signed
     * off and sampled stays.
     */
    PortfolioDocument withoutPersonalData() {
        return new PortfolioDocument(
                candidateId,
                qualificationCode,
                assessorUserId,
                assessorPin,
                iqaUserId,
                iqaPin,
                units.stream().map(UnitView::withoutPersonalData).toList(),
                evidence.stream().map(Evidence::withoutPersonalData).toList(),
                centreId);
    }

    private PortfolioDocument with(List<Evidence> evidence) {
        return new PortfolioDocument(
                candidateId,
                qualificationCode,
                assessorUserId,
                assessorPin,
                iqaUserId,
                iqaPin,
                units,
                evidence,
                centreId);
    }

    /** The portfolio as answered, with its progress. */
    PortfolioView view() {
        int total = units.stream().mapToInt(unit -> unit.criteria().size()).sum();
        int met = (int) units.stream()
                .flatMap(unit -> unit.criteria().stream())
                .filter(CriterionView::met)
                .count();
        int signedOff = (int) units.stream().filter(UnitView::signedOff).count();
        return new PortfolioView(
                candidateId,
                centreId,
                qualificationCode,
                assessorUserId,
                assessorPin,
                iqaUserId,
                iqaPin,
                total,
                met,
                total == 0 ? 0 : met * 100 / total,
                units.size(),
                signedOff,
                units,
                evidence.stream().map(Evidence::view).toList());
    }

    /** A piece of evidence as stored: every version and every judgement, in the order they came. */
    record Evidence(
            String evidenceId, String unitCode, List<EvidenceVersionView> versions, List<JudgementView> judgements) {

        Evidence with(EvidenceVersionView version) {
            List<EvidenceVersionView> longer = new ArrayList<>(versions);
            longer.add(version);
            return new Evidence(evidenceId, unitCode, longer, judgements);
        }

        Evidence with(JudgementView judgement) {
            List<JudgementView> longer = new ArrayList<>(judgements);
            longer.add(judgement);
            return new Evidence(evidenceId, unitCode, versions, longer);
        }

        Evidence withoutPersonalData() {
            return new Evidence(
                    evidenceId,
                    unitCode,
                    versions.stream()
                            .map(version -> new EvidenceVersionView(
                                    version.version(),
                                    version.criteria(),
                                    Erased.text(version.description()),
                                    Erased.text(version.fileName()),
                                    version.mediaType(),
                                    version.size(),
                                    Erased.text(version.sha256()),
                                    version.uploadedBy(),
                                    version.uploadedByPin(),
                                    version.uploadedAt()))
                            .toList(),
                    judgements.stream()
                            .map(judgement -> new JudgementView(
                                    judgement.version(),
                                    judgement.criteria(),
                                    Erased.text(judgement.feedback()),
                                    judgement.assessorPin(),
                                    judgement.judgedAt()))
                            .toList());
        }

        /** Awaiting judgement while no judgement is of its latest version. */
        EvidenceView view() {
            int latest =
                    versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
            boolean awaiting = judgements.stream().noneMatch(judgement -> judgement.version() == latest);
            return new EvidenceView(evidenceId, unitCode, latest, awaiting, versions, judgements);
        }
    }
}
