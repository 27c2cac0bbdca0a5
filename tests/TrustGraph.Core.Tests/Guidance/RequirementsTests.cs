using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Guidance;

public sealed class RequirementsTests
{
    [Fact]
    public void The_shipped_requirements_cover_the_guidance_each_with_a_citation_and_a_check()
    {
        var ids = Requirements.Statutory.Select(r => r.Id).ToList();

        Assert.Equal(
            ["board-exists", "board-relevant-partners", "board-owns-plan", "board-meets-quarterly", "lscb-linked-not-subgroup",
             "joint-commissioning-body", "commissioning-framework", "children-families-involved", "lsp-reporting-path",
             "no-accountability-cycles", "tor-chair", "tor-quorum"],
            ids);
        Assert.All(Requirements.Statutory, r =>
        {
            Assert.Contains(r.Check, GuidanceChecks.Names);
            Assert.Matches("Children Act 2004|statutory guidance|Statutory guidance|Are we there yet|terms of reference", r.Citation);
        });
        Assert.Equal(new DateOnly(2010, 4, 1), Requirements.Statutory.Single(r => r.Id == "board-owns-plan").StatutoryFrom);
        Assert.Contains("s12A(2)", Requirements.Statutory.Single(r => r.Id == "board-relevant-partners").Citation);
    }

    [Fact]
    public void A_bad_requirements_file_reports_each_problem_with_line_and_column()
    {
        const string csv = """
            id,title,statement,citation,severity,statutory_from,check
            ok,Title,Statement,Children Act 2004 s10,error,,board-exists
            bad-check,Title,Statement,Citation,warning,,board-is-purple
            bad-severity,Title,Statement,Citation,fatal,,tor-chair
            no-citation,Title,Statement,,warning,,tor-chair
            ok,Again,Statement,Citation,warning,,tor-quorum
            bad-date,Title,Statement,Citation,warning,April 2010,tor-chair
            """;
        var errors = new List<DatasetError>();

        var requirements = Requirements.Parse(csv, errors);

        Assert.Equal(["ok"], requirements.Select(r => r.Id));
        Assert.Contains(errors, e => e.Line == 3 && e.Column == 7 && e.Message.Contains("unknown check 'board-is-purple'"));
        Assert.Contains(errors, e => e.Line == 4 && e.Column == 5 && e.Message.Contains("unknown severity 'fatal'"));
        Assert.Contains(errors, e => e.Line == 5 && e.Column == 4 && e.Message.Contains("'citation' is empty"));
        Assert.Contains(errors, e => e.Line == 6 && e.Column == 1 && e.Message.Contains("listed twice (also on line 2)"));
        Assert.Contains(errors, e => e.Line == 7 && e.Column == 6 && e.Message.Contains("not a date"));
        Assert.All(errors, e => Assert.Equal("guidance/requirements.csv", e.File));
    }
}
