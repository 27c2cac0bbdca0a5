using System.Globalization;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Import;

/// <summary>
/// Works out what importing a membership list into one body would do to a dataset. Pure: dataset and list in, plan out.
/// Rows are matched to the body's seats first exactly, then by the person's name (<see cref="PersonName.Key"/>), then
/// by post. A row that says what its seat already says leaves the seat as it is, source included, so importing an
/// export changes nothing. A field the file has no column for keeps the seat's value; a blank category is kept from
/// the matched seat or, failing that, inferred (<see cref="AgencyCategories"/>) — except in a file in the contract's
/// own format, which is taken literally.
/// </summary>
public static class ImportPlanner
{
    public static ImportPlan? Plan(
        Dataset dataset, string authorityId, string bodyId, ImportMode mode, MembershipList list, DateOnly today,
        ICollection<DatasetError> errors, AgencyCategories? categories = null)
    {
        var structure = dataset.Find(authorityId);
        var body = structure?.Bodies.FirstOrDefault(b => b.Id == bodyId);
        if (structure is null || body is null)
        {
            CheckTarget(dataset, authorityId, bodyId, errors);
            return null;
        }

        var before = errors.Count;
        var sourceIds = dataset.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var row in list.Rows)
        {
            if (row.Body is not null && row.Body != bodyId)
                errors.Add(new DatasetError(list.FileName, row.Line, list.ColumnOf(ImportField.Body),
                    $"this row is for body '{row.Body}' but the import is into '{bodyId}'; expected '{bodyId}' or blank (import one body at a time)"));
            if (row.Source is { } s && !sourceIds.Contains(s.SourceId))
                errors.Add(new DatasetError(list.FileName, row.Line, list.ColumnOf(ImportField.Source),
                    $"source '{s.SourceId}' is not in sources.csv; expected the id of a row of sources.csv, or blank to cite this import"));
        }
        var seatsNow = structure.Seats.Count(s => s.Body == bodyId);
        if (list.Rows.Count == 0 && mode == ImportMode.Replace && seatsNow > 0)
            errors.Add(new DatasetError(list.FileName, list.HeaderLine, 0,
                $"the file has a header but no seats, so importing it would remove all {seatsNow} seats of {body.Name}; expected a row for each seat"));
        if (errors.Count > before) return null;

        var source = new Source(ImportSourceId(list.FileName, today, sourceIds), $"Imported membership list {list.FileName}", null,
            today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var match = new Matcher(structure, bodyId, list, categories ?? AgencyCategories.Default, source.Id);
        match.Run();

        var oldSeats = structure.Seats;
        var (newSeats, origins) = mode == ImportMode.Replace ? match.Replaced() : match.Merged();
        var added = new List<SeatAddition>();
        var changed = new List<SeatChange>();
        var unchanged = 0;
        for (var r = 0; r < list.Rows.Count; r++)
        {
            var (seat, inferred) = match.Proposals[r];
            if (match.RowMatch[r] is not int o) added.Add(new SeatAddition(list.Rows[r].Line, seat, inferred));
            else if (seat == oldSeats[o]) unchanged++;
            else changed.Add(new SeatChange(list.Rows[r].Line, oldSeats[o], seat, Differences(oldSeats[o], seat), inferred));
        }
        foreach (var (line, seat) in added.Select(a => (a.Line, a.Seat)).Concat(changed.Select(c => (c.Line, Seat: c.After))))
            foreach (var (field, value) in new[] { (ImportField.Person, seat.Person), (ImportField.Post, seat.Post), (ImportField.Agency, seat.Agency) })
                if (value is not null && FormulaGuard.RunsAsFormula(value))
                    errors.Add(new DatasetError(list.FileName, line, list.ColumnOf(field),
                        $"'{value}' would be stored starting with '{value[0]}', which a spreadsheet opening the dataset would run as a formula; "
                        + "expected text that starts with a letter or digit (a value marked as text with an apostrophe is accepted only where the dataset already holds it)"));
        if (errors.Count > before) return null;

        var removed = mode == ImportMode.Replace
            ? match.BodySlots.Where(i => !match.Matched.Contains(i)).Select(i => oldSeats[i]).ToList()
            : [];
        if (mode == ImportMode.Merge) unchanged += match.BodySlots.Count(i => !match.Matched.Contains(i));

        var usesSource = newSeats.Any(s => s.Source.SourceId == source.Id);
        var after = dataset with
        {
            Authorities = dataset.Authorities.Select(a => a.Id == authorityId ? a with { Seats = newSeats } : a).ToList(),
            Sources = usesSource ? [.. dataset.Sources, source] : dataset.Sources,
        };
        var findingsBefore = Analysis.Run(dataset, authorityId);
        var findingsAfter = Analysis.Run(after, authorityId);

        return new ImportPlan(authorityId, body, mode, list, dataset, after, added, removed, changed, unchanged,
            PeopleOnMoreBodies(structure, after.Find(authorityId)!, bodyId),
            Without(findingsAfter, findingsBefore), Without(findingsBefore, findingsAfter),
            usesSource ? source : null)
        {
            Origins = origins,
        };
    }

    /// <summary>Reports an authority or body that is not in the dataset, naming the ones that are.</summary>
    public static bool CheckTarget(Dataset dataset, string authorityId, string bodyId, ICollection<DatasetError> errors)
    {
        var structure = dataset.Find(authorityId);
        if (structure is null)
        {
            errors.Add(new DatasetError("--authority", 0, 0,
                $"there is no authority '{authorityId}' in authorities.csv; expected one of: {string.Join(", ", dataset.Authorities.Select(a => a.Id))}"));
            return false;
        }
        if (structure.Bodies.Any(b => b.Id == bodyId)) return true;
        errors.Add(new DatasetError("--body", 0, 0,
            $"there is no body '{bodyId}' in {authorityId}/bodies.csv; expected one of: {string.Join(", ", structure.Bodies.Select(b => b.Id))}"));
        return false;
    }

    /// <summary><c>import-&lt;file-slug&gt;-&lt;yyyymmdd&gt;</c>, with -2, -3… when that id is taken.</summary>
    public static string ImportSourceId(string fileName, DateOnly today, IReadOnlySet<string> taken)
    {
        var slug = Slug.From(Path.GetFileNameWithoutExtension(fileName));
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        var id = $"import-{slug}-{today:yyyyMMdd}";
        var candidate = id;
        for (var n = 2; taken.Contains(candidate); n++) candidate = $"{id}-{n}";
        return candidate;
    }

    public static IReadOnlyList<FieldChange> Differences(Seat a, Seat b)
    {
        var before = DatasetWriter.MembershipRow(a);
        var after = DatasetWriter.MembershipRow(b);
        var changes = new List<FieldChange>();
        for (var i = 0; i < before.Length; i++)
            if (before[i] != after[i]) changes.Add(new FieldChange(DatasetWriter.MembershipColumns[i], before[i], after[i]));
        return changes;
    }

    private static List<Finding> Without(IReadOnlyList<Finding> these, IReadOnlyList<Finding> those)
    {
        static string Key(Finding f) => $"{f.Arrangement}\u0001{f.Check}\u0001{f.Severity}\u0001{f.Message}";
        var remaining = those.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<Finding>();
        foreach (var f in these)
        {
            if (remaining.TryGetValue(Key(f), out var n) && n > 0) remaining[Key(f)] = n - 1;
            else result.Add(f);
        }
        return result;
    }

    private static List<PersonOnMoreBodies> PeopleOnMoreBodies(AuthorityStructure before, AuthorityStructure after, string bodyId)
    {
        Dictionary<string, List<string>> BodiesByPerson(AuthorityStructure s) => s.Seats
            .Where(x => x.Person is not null && x.IsFilled)
            .GroupBy(x => PersonName.Key(x.Person!))
            .ToDictionary(g => g.Key, g => g.Select(x => x.Body).Distinct().ToList());
        string Name(string id) => after.Bodies.First(b => b.Id == id).Name;

        var was = BodiesByPerson(before);
        var now = BodiesByPerson(after);
        return after.Seats
            .Where(s => s.Body == bodyId && s.Person is not null && s.IsFilled)
            .GroupBy(s => PersonName.Key(s.Person!))
            .Where(g => now[g.Key].Count > 1 && now[g.Key].Count > (was.GetValueOrDefault(g.Key)?.Count ?? 0))
            .Select(g => new PersonOnMoreBodies(g.First().Person!,
                (was.GetValueOrDefault(g.Key) ?? []).Select(Name).ToList(), now[g.Key].Select(Name).ToList()))
            .ToList();
    }

    /// <summary>Matches the file's rows to the body's seats and proposes the seat each row becomes.</summary>
    private sealed class Matcher(AuthorityStructure structure, string bodyId, MembershipList list, AgencyCategories categories, string sourceId)
    {
        public readonly List<int> BodySlots = structure.Seats.Select((s, i) => (s, i)).Where(x => x.s.Body == bodyId).Select(x => x.i).ToList();
        public readonly HashSet<int> Matched = [];
        public readonly int?[] RowMatch = new int?[list.Rows.Count];
        public readonly (Seat Seat, CategoryInference? Inferred)[] Proposals = new (Seat, CategoryInference?)[list.Rows.Count];

        private IReadOnlyList<Seat> Old => structure.Seats;

        public void Run()
        {
            var rows = list.Rows;
            var byPerson = BodySlots.Where(i => Old[i].Person is not null).ToLookup(i => PersonName.Key(Old[i].Person!));
            var byPost = BodySlots.Where(i => Old[i].Post is not null).ToLookup(i => PostKey(Old[i].Post!));

            IEnumerable<int> Candidates(MembershipRow row) =>
                row.Person is not null ? byPerson[PersonName.Key(row.Person)] : row.Post is not null ? byPost[PostKey(row.Post)] : [];

            for (var r = 0; r < rows.Count; r++)
                foreach (var i in Candidates(rows[r]).Where(i => !Matched.Contains(i)))
                {
                    var proposal = Propose(Old[i], rows[r]);
                    if (proposal.Seat != Old[i]) continue;
                    Take(r, i, proposal);
                    break;
                }
            for (var r = 0; r < rows.Count; r++)
                if (RowMatch[r] is null && rows[r].Person is not null
                    && byPerson[PersonName.Key(rows[r].Person!)].FirstOrDefault(i => !Matched.Contains(i), -1) is var i and >= 0)
                    Take(r, i, Propose(Old[i], rows[r]));
            for (var r = 0; r < rows.Count; r++)
                if (RowMatch[r] is null && rows[r].Post is not null
                    && byPost[PostKey(rows[r].Post!)].FirstOrDefault(i => !Matched.Contains(i), -1) is var i and >= 0)
                    Take(r, i, Propose(Old[i], rows[r]));
            for (var r = 0; r < rows.Count; r++)
                if (RowMatch[r] is null) Proposals[r] = Propose(null, rows[r]);
        }

        private void Take(int row, int seat, (Seat, CategoryInference?) proposal)
        {
            RowMatch[row] = seat;
            Matched.Add(seat);
            Proposals[row] = proposal;
        }

        /// <summary>The seat a row becomes, given the seat it matched (or none).</summary>
        private (Seat Seat, CategoryInference? Inferred) Propose(Seat? old, MembershipRow row)
        {
            var literal = list.IsContractFormat;
            var post = list.Has(ImportField.Post) ? row.Post : old?.Post;
            var person = list.Has(ImportField.Person) ? row.Person : old?.Person;
            var agency = list.Has(ImportField.Agency) ? row.Agency : old?.Agency;
            var role = list.Has(ImportField.Role) || row.RoleTakenFrom is not null ? row.Role : old?.Role ?? SeatRole.Member;
            var voting = list.Has(ImportField.Voting) || row.Voting is not null ? row.Voting : old?.Voting;
            var status = list.Has(ImportField.Status) || list.Has(ImportField.Person) || row.VacantBecause is not null
                ? row.Status
                : old?.Status ?? row.Status;

            var category = row.PartnerCategory;
            CategoryInference? inferred = null;
            if (category is null && !literal)
            {
                category = old?.PartnerCategory;
                if (category is null)
                {
                    inferred = categories.Infer(agency, post, person, structure.Authority.Tier);
                    category = inferred?.Category;
                }
            }

            var seat = new Seat(bodyId, post, person, agency, category, role, voting, status,
                row.Source ?? new SourceRef(sourceId, $"row-{row.Line}"))
            {
                Basis = inferred is not null || row.RoleTakenFrom is not null ? Basis.Inferred : old?.Basis ?? Basis.Stated,
                Note = InferenceNote(inferred, row) ?? old?.Note,
            };
            if (old is not null && row.Source is null && seat with { Source = old.Source, Basis = old.Basis, Note = old.Note } == old)
                return (old, null);
            return (seat, inferred);
        }

        /// <summary>What an imported seat's inferred parts rest on, in a few words: a guessed category, a role read out of another cell.</summary>
        private static string? InferenceNote(CategoryInference? inferred, MembershipRow row)
        {
            var parts = new List<string>();
            if (inferred is not null) parts.Add($"partner category {inferred.Explain()}");
            if (row.RoleTakenFrom is not null) parts.Add($"role {row.Role.ToWord()} read from {row.RoleTakenFrom}");
            return parts.Count == 0 ? null : string.Join("; ", parts);
        }

        private static string PostKey(string post) => ImportVocabulary.Normalise(post);

        public (List<Seat>, List<int?>) Replaced()
        {
            var body = Proposals.Select((p, r) => (p.Seat, Origin: RowMatch[r])).ToList();
            var seats = new List<Seat>();
            var origins = new List<int?>();
            var next = 0;
            void Add(Seat seat, int? origin)
            {
                seats.Add(seat);
                origins.Add(origin);
            }
            var last = BodySlots.Count > 0 ? BodySlots[^1] : -1;
            for (var i = 0; i < Old.Count; i++)
            {
                if (Old[i].Body != bodyId) Add(Old[i], i);
                else if (i == last) for (; next < body.Count; next++) Add(body[next].Seat, body[next].Origin);
                else if (next < body.Count) Add(body[next].Seat, body[next++].Origin);
            }
            for (; next < body.Count; next++) Add(body[next].Seat, body[next].Origin);
            return (seats, origins);
        }

        public (List<Seat>, List<int?>) Merged()
        {
            var proposalFor = new Dictionary<int, Seat>();
            for (var r = 0; r < RowMatch.Length; r++)
                if (RowMatch[r] is int i) proposalFor[i] = Proposals[r].Seat;
            var seats = new List<Seat>();
            var origins = new List<int?>();
            var last = BodySlots.Count > 0 ? BodySlots[^1] : Old.Count - 1;
            void AddNew()
            {
                for (var r = 0; r < RowMatch.Length; r++)
                    if (RowMatch[r] is null)
                    {
                        seats.Add(Proposals[r].Seat);
                        origins.Add(null);
                    }
            }
            if (Old.Count == 0) AddNew();
            for (var i = 0; i < Old.Count; i++)
            {
                seats.Add(proposalFor.GetValueOrDefault(i) ?? Old[i]);
                origins.Add(i);
                if (i == last) AddNew();
            }
            return (seats, origins);
        }
    }
}
