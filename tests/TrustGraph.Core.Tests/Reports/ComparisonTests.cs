using TrustGraph.Analyses;
using TrustGraph.Core.Tests.Guidance;
using TrustGraph.Guidance;
using TrustGraph.Reports;

namespace TrustGraph.Core.Tests.Reports;

public sealed class ComparisonTests
{
    [Fact]
    public void By_default_each_authority_is_judged_on_its_current_arrangement_and_the_output_says_which()
    {
        var (worcs, _) = ChosenArrangement.Pick(ShippedData.Dataset.Find("worcestershire")!);
        var (calderdale, _) = ChosenArrangement.Pick(ShippedData.Dataset.Find("calderdale")!);
        var (missing, error) = ChosenArrangement.Pick(ShippedData.Dataset.Find("worcestershire")!, "2011");

        Assert.Equal("2009", worcs!.Graph.ArrangementId);
        Assert.Equal("arrangement 2009 (current, in force August 2009): the current one; the papers also describe proposed-2010", worcs.Why);
        Assert.Equal("model-2", calderdale!.Graph.ArrangementId);
        Assert.Contains("the only arrangement in the papers", calderdale.Why);
        Assert.Null(missing);
        Assert.Equal("Worcestershire has no arrangement '2011'; expected one of: 2009, proposed-2010", error);
    }

    [Fact]
    public void What_one_authority_meets_and_another_does_not_is_offered_as_a_practice_to_copy_with_its_evidence()
    {
        var comparison = Comparisons.All();

        var chair = comparison.Practices.Single(p => p.By.Authority.Id == "calderdale" && p.Verdict.Requirement.Id == "tor-chair");
        Assert.Equal(["worcestershire"], chair.NotMetBy.Select(c => c.Authority.Id));
        Assert.Contains("Director of Children's Services", chair.Verdict.Reason);
        Assert.Contains(chair.Verdict.Evidence.Sources, s => s.ToString() == "calderdale-model-2#board-membership");
        Assert.DoesNotContain(comparison.Practices, p => p.Verdict.Requirement.Id == "board-meets-quarterly");
        Assert.All(comparison.Practices, p => Assert.All(p.NotMetBy, c => Assert.Equal(VerdictStatus.NotMet, c.VerdictFor(p.Verdict.Requirement).Status)));
    }

    [Fact]
    public void One_authority_can_be_compared_with_its_own_proposal_and_the_columns_say_which_is_which()
    {
        var comparison = Comparisons.All("worcestershire", "worcestershire:proposed-2010");

        Assert.Equal(["Worcestershire (2009)", "Worcestershire (proposed-2010)"], comparison.Columns.Select(c => c.Label));
        var quarterly = comparison.Practices.Single(p => p.Verdict.Requirement.Id == "tor-chair");
        Assert.Equal("proposed-2010", quarterly.By.Subject.Graph.ArrangementId);
    }

    [Fact]
    public void The_metrics_measure_the_longest_path_from_whichever_LSP_is_nearer()
    {
        var comparison = Comparisons.All();
        var longest = comparison.MetricRows().Single(r => r.Measure.Id == "longest-path").Values;

        Assert.Equal(["No LSP recorded", "3 lines", "No LSP recorded", "1 line", "2 lines"], longest);
    }

    [Fact]
    public void Partner_coverage_reads_present_vacant_absent_or_cannot_assess_per_authority()
    {
        var comparison = Comparisons.All();
        var sha = comparison.Partners.Single(p => p.Name == "Strategic Health Authority");

        // Suffolk's and York's recorded boards have no listed membership, so their commissioning groups are judged in their place.
        Assert.Equal(["Absent", "Absent", "Absent", "Absent", "Cannot assess"],
            comparison.Columns.Select(c => Comparison.Label(Comparison.CoverageOf(c, sha)?.Status)));
        Assert.Equal(CoverageStatus.Present, Comparison.CoverageOf(comparison.Columns[0], comparison.Partners.Single(p => p.Name.StartsWith("Jobcentre")))!.Status);
    }
}
