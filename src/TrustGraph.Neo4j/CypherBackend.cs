using System.Globalization;
using System.Text.Json;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Neo4j;

/// <summary>
/// Runs the analyses as Cypher inside Neo4j. Each twin decides in Cypher what is found — which bodies, people and
/// partners, the severity, the subjects, the sources — and returns the facts a message needs; this class words the
/// message with the very functions the embedded analyses use, so both backends say the same thing.
/// </summary>
public sealed class CypherBackend(QueryApiClient client, TransientRetry retry)
{
    public async Task<IReadOnlyList<Finding>> RunAsync(string? authority = null, string? arrangement = null, CancellationToken cancel = default)
    {
        var parameters = new Dictionary<string, object?> { ["authority"] = authority, ["arrangement"] = arrangement };
        var found = new List<(Finding Finding, long AuthorityOrd, long ArrangementOrd, int Check, long[] Sort)>();
        for (var check = 0; check < CypherTwins.All.Count; check++)
        {
            var twin = CypherTwins.All[check];
            var result = await retry.RunAsync(c => client.RunAsync(twin.Statement, parameters, c), cancel);
            foreach (var row in result.Rows)
                found.Add((Compose(twin.Check, row), Long(row, "authority_ord"), Long(row, "arrangement_ord"), check,
                    row["sort"].EnumerateArray().Select(e => e.GetInt64()).ToArray()));
        }
        return found
            .OrderBy(f => f.AuthorityOrd).ThenBy(f => f.ArrangementOrd).ThenBy(f => f.Check)
            .ThenBy(f => f.Sort, SortKeyComparer.Instance)
            .Select(f => f.Finding)
            .ToList();
    }

    /// <summary>One row of a twin as a finding: the structure from Cypher, the words from the embedded analysis.</summary>
    public static Finding Compose(string check, IReadOnlyDictionary<string, JsonElement> row)
    {
        var kind = Text(row, "finding");
        var facts = row["facts"];
        var arrangement = OptionalText(row["arrangement"]);
        var (message, remedy) = check switch
        {
            Checks.DuplicatedMembership => DuplicatedMembershipWords(kind, facts),
            Checks.MissingRelevantPartner => MissingRelevantPartnerWords(kind, facts, arrangement),
            Checks.AccountabilityCycle => AccountabilityCycleWords(kind, facts),
            Checks.LspReportingGap => LspReportingGapWords(kind, facts, arrangement),
            _ => throw new InvalidDataException($"no wording for check '{check}'"),
        };
        var inferred = Inferred(facts);
        return new Finding(Text(row, "authority"), arrangement, check, ParseSeverity(Text(row, "severity")),
            Strings(row["subjects"]), inferred.Count == 0 ? message : message + " " + RestsOn.Sentence(inferred.ConvertAll(r => r.Described)),
            Strings(row["sources"]))
        {
            Bodies = Strings(row["body_ids"]),
            Remedy = remedy,
            Inferred = inferred.ConvertAll(r => r.Row),
        };
    }

    /// <summary>The inferred rows a twin says the finding rests on (<c>facts.inferred</c>), as the embedded analyses word and list them.</summary>
    private static List<(RestsOn.Described Described, InferredRow Row)> Inferred(JsonElement facts)
    {
        if (!facts.TryGetProperty("inferred", out var rows) || rows.ValueKind != JsonValueKind.Array) return [];
        return rows.EnumerateArray().Select(r =>
        {
            var note = OptionalText(r.GetProperty("note"));
            return (new RestsOn.Described(Text(r, "what"), Text(r, "label"), note), new InferredRow(Text(r, "file"), null, note));
        }).ToList();
    }

    private static (string, string?) DuplicatedMembershipWords(string kind, JsonElement f)
    {
        switch (kind)
        {
            case "listed-twice":
            {
                var holder = Text(f, "holder");
                var seats = f.GetProperty("seats").EnumerateArray()
                    .Select(s => DuplicatedMembership.SeatDescription(Word<SeatRole>(Text(s, "role")), OptionalText(s.GetProperty("post")))).ToList();
                return (DuplicatedMembership.ListedTwiceMessage(holder, Text(f, "body_name"), seats),
                    DuplicatedMembership.ListedTwiceRemedy(holder, Text(f, "body_name")));
            }
            case "across-bodies" or "office-across-bodies":
            {
                var office = kind == "office-across-bodies";
                var agency = OptionalText(f.GetProperty("agency"));
                var holder = office && agency is not null ? DuplicatedMembership.OfficeName(Text(f, "holder"), agency) : Text(f, "holder");
                var seats = f.GetProperty("seats").EnumerateArray()
                    .Select(s => (Text(s, "body_name"), (IReadOnlyList<string>)Strings(s.GetProperty("roles")))).ToList();
                var reasons = f.GetProperty("reasons").EnumerateArray().Select(Reason).ToList();
                var unexplained = Strings(f.GetProperty("unexplained"));
                return (DuplicatedMembership.AcrossBodiesMessage(holder, office, seats, reasons, unexplained.Count),
                    DuplicatedMembership.IsDeliberate(unexplained.Count) ? null : DuplicatedMembership.AcrossBodiesRemedy(holder, office, unexplained));
            }
            case "repeated-post":
                return (DuplicatedMembership.RepeatedPostMessage(Text(f, "post"), Text(f, "agency"), (int)f.GetProperty("count").GetInt64(), Text(f, "body_name")), null);
            default:
                throw Unknown(Checks.DuplicatedMembership, kind);
        }

        static string Reason(JsonElement r) => Text(r, "kind") switch
        {
            "not-membership" => DuplicatedMembership.NotMembershipReason(Text(r, "body_name"), Strings(r.GetProperty("roles"))),
            "chair-link" => DuplicatedMembership.ChairLinkReason(Text(r, "body_name"), Text(r, "chaired_name"), Word<AccountabilityKind>(Text(r, "line_kind"))),
            "advisor" => DuplicatedMembership.AdvisorReason(Text(r, "body_name"), Text(r, "advisory_name")),
            var other => throw Unknown(Checks.DuplicatedMembership + " reason", other),
        };
    }

    private static (string, string?) MissingRelevantPartnerWords(string kind, JsonElement f, string? arrangement)
    {
        if (kind == "no-board") return (MissingRelevantPartners.NoBoardMessage(GovernanceGraph.TitleOf(Text(f, "authority_name"), arrangement)), null);

        var board = Text(f, "board_name");
        var preamble = MissingRelevantPartners.Preamble(Choice(f), board, Strings(f.GetProperty("part_names")));
        var stated = OptionalText(f.GetProperty("law_stated"));
        var law = new LawInForce(DateOnly.ParseExact(Text(f, "law_day"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            stated is not null && PartialDate.TryParse(stated, out var d) ? d : null);
        var partner = f.TryGetProperty("partner", out var p) ? Partner(p) : null;
        return kind switch
        {
            "no-membership" => (MissingRelevantPartners.NoMembershipMessage(preamble, board), null),
            "partial-membership" => (MissingRelevantPartners.PartialMembershipMessage(preamble, board, (int)f.GetProperty("seat_count").GetInt64(),
                Strings(f.GetProperty("present")), Strings(f.GetProperty("unknown"))), null),
            "partial-vacant" => (MissingRelevantPartners.PartialVacantMessage(preamble, partner!, board, law.Describe()),
                MissingRelevantPartners.VacantRemedy(partner!, board)),
            "not-yet-in-force" => (MissingRelevantPartners.NotYetInForceMessage(preamble, partner!, board, f.GetProperty("has_seat").GetBoolean()),
                MissingRelevantPartners.NotYetInForceRemedy(partner!, board)),
            "tier-unknown" => (MissingRelevantPartners.TierUnknownMessage(preamble, partner!, board, Text(f, "authority_name")), null),
            "only-where-exists" => (MissingRelevantPartners.OnlyWhereExistsMessage(preamble, partner!, board), null),
            "vacant" => (MissingRelevantPartners.VacantMessage(preamble, partner!, board, Strings(f.GetProperty("seat_labels")), law.Describe()),
                MissingRelevantPartners.VacantRemedy(partner!, board)),
            "absent" => (MissingRelevantPartners.AbsentMessage(preamble, partner!, board, law.Describe()),
                MissingRelevantPartners.AbsentRemedy(partner!, board)),
            _ => throw Unknown(Checks.MissingRelevantPartner, kind),
        };
    }

    /// <summary>Why the twin's board was judged, worded as <see cref="TrustBoard.Choose"/> words it.</summary>
    private static string? Choice(JsonElement f)
    {
        if (!f.TryGetProperty("choice_kind", out var kind))
            return OptionalText(f.GetProperty("choice_body")) is { } owner ? TrustBoard.PlanOwnerChoice(owner) : null;
        static List<(string, BoardReason, bool)> Candidates(JsonElement list) => list.EnumerateArray()
            .Select(c => (Text(c, "name"), Text(c, "reason") == "kind" ? BoardReason.Kind : BoardReason.PlanDuty, c.GetProperty("listed").GetBoolean()))
            .ToList();
        var judged = Candidates(f.GetProperty("judged"));
        return kind.GetString() switch
        {
            "none" => null,
            "plan-owner" => TrustBoard.PlanOwnerChoice(judged[0].Item1),
            _ => TrustBoard.ChoiceText(judged, Candidates(f.GetProperty("other_candidates"))),
        };
    }

    private static (string, string?) AccountabilityCycleWords(string kind, JsonElement f) => kind switch
    {
        "self-loop" => (AccountabilityCycles.SelfLoopMessage(Text(f, "body_name"), Word<AccountabilityKind>(Text(f, "kind"))),
            AccountabilityCycles.SelfLoopRemedy(Text(f, "body_name"))),
        "cycle" => (AccountabilityCycles.CycleMessage(Strings(f.GetProperty("names_along_cycle")), (int)f.GetProperty("bodies_in_loop").GetInt64()),
            AccountabilityCycles.CycleRemedy(Strings(f.GetProperty("member_names")))),
        _ => throw Unknown(Checks.AccountabilityCycle, kind),
    };

    private static (string, string?) LspReportingGapWords(string kind, JsonElement f, string? arrangement) => kind switch
    {
        "no-lsp" => (LspReportingGaps.NoLspMessage(GovernanceGraph.TitleOf(Text(f, "authority_name"), arrangement), (int)f.GetProperty("body_count").GetInt64()),
            LspReportingGaps.NoLspRemedy),
        "gap" => (LspReportingGaps.GapMessage(Text(f, "body_name"), Strings(f.GetProperty("lsp_names")), Strings(f.GetProperty("answers_to")),
                f.GetProperty("other_lines").EnumerateArray().Select(l => (Word<AccountabilityKind>(Text(l, "kind")), Text(l, "target"))).ToList()),
            LspReportingGaps.GapRemedy(Text(f, "body_name"), Strings(f.GetProperty("lsp_names")))),
        _ => throw Unknown(Checks.LspReportingGap, kind),
    };

    /// <summary>A :RelevantPartner node's properties back as the guidance record the wording takes.</summary>
    private static RelevantPartner Partner(JsonElement p)
    {
        var tiers = p.TryGetProperty("tiers", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => Word<AuthorityTier>(x.GetString()!)).ToList()
            : [];
        var repealed = p.TryGetProperty("repealed", out var r) ? OptionalText(r) : null;
        return new RelevantPartner(Text(p, "letter"), Text(p, "name"), Word<PartnerCategory>(Text(p, "category")),
            DateOnly.ParseExact(Text(p, "in_force"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            repealed is null ? null : DateOnly.ParseExact(repealed, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            new HashSet<AuthorityTier>(tiers), p.TryGetProperty("only_where_exists", out var o) && o.ValueKind == JsonValueKind.True,
            Text(p, "citation"));
    }

    private static Severity ParseSeverity(string word) => word switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => throw new InvalidDataException($"a Cypher twin returned severity '{word}'; expected error, warning or info"),
    };

    private static TEnum Word<TEnum>(string word) where TEnum : struct, Enum =>
        Vocabulary<TEnum>.TryParse(word, out var value) ? value
            : throw new InvalidDataException($"a Cypher twin returned '{word}'; expected one of: {Vocabulary<TEnum>.AllowedList}");

    private static InvalidDataException Unknown(string check, string kind) =>
        new($"the Cypher twin of {check} returned an unknown finding '{kind}'");

    private static string Text(IReadOnlyDictionary<string, JsonElement> row, string field) =>
        row.TryGetValue(field, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()!
            : throw new InvalidDataException($"a Cypher twin's row has no text field '{field}'");

    private static string Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new InvalidDataException($"a Cypher twin's facts have no text '{property}'");

    private static string? OptionalText(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static long Long(IReadOnlyDictionary<string, JsonElement> row, string field) =>
        row.TryGetValue(field, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt64() : -1;

    private static IReadOnlyList<string> Strings(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];

    private sealed class SortKeyComparer : IComparer<long[]>
    {
        public static readonly SortKeyComparer Instance = new();

        public int Compare(long[]? x, long[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            return x.Length.CompareTo(y.Length);
        }
    }
}
