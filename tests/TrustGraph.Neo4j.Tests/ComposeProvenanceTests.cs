using System.Text.Json;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// The facts the missing-relevant-partner twin returns for a board chosen among several candidates, and the inferred rows a
/// finding rests on, worded by <see cref="CypherBackend.Compose"/> exactly as the embedded analysis words them (Suffolk's ECG,
/// judged because its invitees are listed, with the Board that has none named as the other candidate).
/// </summary>
public sealed class ComposeProvenanceTests
{
    private static readonly Dataset Shipped = TestData.Shipped;

    private static Dictionary<string, JsonElement> Row(object value) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(value))!;

    [Fact]
    public void A_board_chosen_among_candidates_and_resting_on_inferred_seats_is_worded_as_the_embedded_analysis_words_it()
    {
        var graph = GovernanceGraph.For(Shipped.Find("suffolk")!).Single();
        var embedded = MissingRelevantPartners.Find(graph, RelevantPartners.Statutory).Single(f => f.Subjects.Contains("youth-offending"));
        var yot = RelevantPartners.Statutory.Single(p => p.Category == PartnerCategory.YouthOffending);
        var seats = graph.SeatsOn("ecg").ToList();

        var composed = CypherBackend.Compose(Checks.MissingRelevantPartner, Row(new
        {
            authority = "suffolk", arrangement = "2009", finding = "absent", severity = "warning",
            subjects = embedded.Subjects, body_ids = embedded.Bodies, sources = embedded.Sources,
            facts = new
            {
                choice_kind = "text",
                judged = new[] { new { name = "Children's Trust Executive Commissioning Group", reason = "plan", listed = true } },
                other_candidates = new[] { new { name = "Suffolk Children's Trust Partnership Board", reason = "kind", listed = false } },
                board_name = "Children's Trust Executive Commissioning Group", part_names = Array.Empty<string>(),
                law_day = "2009-03-10", law_stated = "2009-03-10", authority_name = "Suffolk",
                partner = new
                {
                    letter = yot.Letter, name = yot.Name, category = "youth-offending", in_force = yot.InForce.ToString("yyyy-MM-dd"),
                    citation = yot.Citation,
                },
                inferred = seats.Select(s => new { what = "seat", label = s.Label, note = s.Note, file = "suffolk/memberships.csv" }).ToArray(),
            },
        }));

        Assert.Equal(embedded.Message, composed.Message);
        Assert.Equal(embedded.Remedy, composed.Remedy);
        Assert.Equal(embedded.Inferred.Select(r => (r.File, r.Note)), composed.Inferred.Select(r => (r.File, r.Note)));
    }

    [Fact]
    public void An_office_with_no_agency_is_named_by_its_post_alone()
    {
        var graph = GovernanceGraph.For(Shipped.Find("calderdale")!).Single();
        var embedded = DuplicatedMembership.Find(graph).Single(f => f.Subjects[0] == "Head of Children's Trust");

        var composed = CypherBackend.Compose(Checks.DuplicatedMembership, Row(new
        {
            authority = "calderdale", arrangement = "model-2", finding = "office-across-bodies", severity = "info",
            subjects = embedded.Subjects, body_ids = embedded.Bodies, sources = embedded.Sources,
            facts = new
            {
                holder = "Head of Children's Trust", agency = (string?)null,
                seats = new[]
                {
                    new { body_name = "Children's Trust Integrated Commissioning Executive", roles = new[] { "in-attendance" } },
                    new { body_name = "Children's Trust Board", roles = new[] { "in-attendance" } },
                },
                reasons = new[]
                {
                    new { kind = "not-membership", body_name = "Children's Trust Integrated Commissioning Executive", roles = new[] { "in-attendance" } },
                    new { kind = "not-membership", body_name = "Children's Trust Board", roles = new[] { "in-attendance" } },
                },
                unexplained = Array.Empty<string>(),
                inferred = Array.Empty<object>(),
            },
        }));

        Assert.Equal(JsonSerializer.Serialize(embedded), JsonSerializer.Serialize(composed));
    }
}
