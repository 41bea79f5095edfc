package org.awardinghub.api.reports;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Allow;
import org.awardinghub.command.assessment.ItemDirectory;
import org.awardinghub.query.assessment.ItemStatistics;
import org.awardinghub.query.assessment.ItemStatisticsReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Item statistics of an assessment: per item, how many attempts drew it, facility, discrimination (point-biserial)
 * and how often each option was chosen, overall or for one centre. The awarding body's own analysis: IMI staff
 * only, because option counts beside facility would tell a centre which option is right. JSON, or CSV with
 * {@code Accept: text/csv}.
 */
@RestController
class ItemStatisticsController {

    private final Queries queries;
    private final ItemDirectory bank;

    public ItemStatisticsController(Queries queries, ItemDirectory bank) {
        this.queries = queries;
        this.bank = bank;
    }

    /** Item statistics of an assessment, overall or for one centre, as JSON or CSV. */
    @GetMapping("/api/reports/item-statistics")
    @Allow({IMI_ADMIN, AUDITOR})
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = ItemStatistics.class)))
    public ResponseEntity<?> itemStatistics(
            @RequestParam(required = false) String assessmentCode,
            @RequestParam(required = false) String centreId,
            @RequestHeader(value = "Accept", required = false) String accept) {
        if (assessmentCode == null || assessmentCode.isBlank()) {
            throw ApiProblem.badRequest("assessmentCode", "name the assessment, e.g. ?assessmentCode=LV2-U01-MCQ");
        }
        String code = assessmentCode.strip();
        if (bank.rules(code).isEmpty()) {
            throw ApiProblem.notFound("No assessment " + code + " in the catalogue");
        }
        String centre = centreId == null || centreId.isBlank() ? null : centreId.strip();
        ItemStatistics report = queries.one(new ItemStatisticsReport(code, centre), ItemStatistics.class)
                .orElseGet(() -> new ItemStatistics(code, centre, 0, null, List.of()));
        if (Csv.wanted(accept)) {
            return csv(report);
        }
        return ResponseEntity.ok(report);
    }

    static ResponseEntity<String> csv(ItemStatistics report) {
        int options = report.items().stream()
                .mapToInt(item -> item.optionCounts().size())
                .max()
                .orElse(0);
        List<String> header = new ArrayList<>(List.of(
                "assessmentCode", "centreId", "itemId", "attempts", "facility", "discrimination", "unanswered"));
        for (int i = 0; i < options; i++) {
            header.add("option" + (i + 1));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ItemStatistics.Item item : report.items()) {
            List<String> row = new ArrayList<>(List.of(
                    report.assessmentCode(),
                    report.centreId() == null ? "" : report.centreId(),
                    item.itemId(),
                    Long.toString(item.attempts()),
                    Csv.decimal(item.facility(), 4),
                    Csv.decimal(item.discrimination(), 4),
                    Long.toString(item.unanswered())));
            for (int i = 0; i < options; i++) {
                row.add(
                        i < item.optionCounts().size()
                                ? Long.toString(item.optionCounts().get(i))
                                : "");
            }
            rows.add(row);
        }
        return Csv.file("item-statistics-" + report.assessmentCode(), header, rows);
    }
}
