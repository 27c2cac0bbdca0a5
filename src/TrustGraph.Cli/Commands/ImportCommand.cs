using System.CommandLine;
using TrustGraph.Analyses;
using TrustGraph.Import;
using TrustGraph.Model;
using TrustGraph.Storage;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph import FILE --authority ID --body ID</c>: reads a membership list exported from a spreadsheet, shows
/// exactly what would change, and writes it (unless <c>--dry-run</c>), keeping the previous version for <c>undo</c>.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var file = new Argument<string>("file") { Description = "The membership list: a spreadsheet saved as CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab separated)." };
        var authority = new Option<string>("--authority") { Description = "The authority's id (e.g. suffolk).", HelpName = "ID", Required = true };
        var body = new Option<string>("--body") { Description = "The id of the body whose membership this is (e.g. ecg).", HelpName = "ID", Required = true };
        var mode = new Option<string>("--mode") { Description = "replace: the body's seats become the file's rows; merge: update matching seats and add the rest, removing nothing.", DefaultValueFactory = _ => "replace" };
        mode.AcceptOnlyFromAmong("replace", "merge");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change and write nothing." };
        var maxRows = new Option<int?>("--max-rows")
        {
            Description = $"Refuse a file with more rows of members than this (default: TRUSTGRAPH_IMPORT_MAX_ROWS, else {ImportLimits.DefaultMaxRows:N0}).",
            HelpName = "N",
        };

        var command = new Command("import", "Import a body's membership list from a spreadsheet's CSV export: preview the changes, then write them (undo with 'trustgraph undo').")
        {
            file, authority, body, mode, dryRun, maxRows, data,
        };
        command.SetAction(parse =>
        {
            var dir = Common.ResolveData(parse.GetValue(data));
            if (MaxRows(parse.GetValue(maxRows), console) is not int limit) return CliApp.InvalidInput;
            var path = parse.GetValue(file)!;
            var name = Path.GetFileName(path);
            if (!File.Exists(path))
            {
                console.Error.WriteLine($"trustgraph: {path}: no such file; expected the path of a CSV file. Nothing was written.");
                return CliApp.InvalidInput;
            }
            if (new FileInfo(path).Length > SpreadsheetText.MaxBytes)
                return Rejected(name, [SpreadsheetText.TooBig(name, new FileInfo(path).Length)], console);
            var content = File.ReadAllBytes(path);

            // The lock is held from loading through planning to committing: an import running meanwhile either finishes first
            // (this one waits for it, then plans on its result) or this one is refused as "changed", never a mixture of the two.
            var dry = parse.GetValue(dryRun);
            if (!Directory.Exists(dir))
            {
                Common.Load(dir, console); // says what is wrong; taking the lock would create the folder
                return CliApp.InvalidInput;
            }
            DatasetLock? held;
            try
            {
                held = dry ? null : DatasetStore.Lock(dir);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                console.Error.WriteLine($"trustgraph: {name} was not imported: {dir} cannot be written to ({e.Message}); expected a dataset folder you may change (or use --dry-run to preview). Nothing was written.");
                return CliApp.InvalidInput;
            }
            using var _ = held;
            if (held is null && !dry)
            {
                console.Error.WriteLine($"trustgraph: {name} was not imported: {DatasetStore.ChangedWhilePlanning} (another import or undo is still writing to {dir}). Nothing was written.");
                return CliApp.InvalidInput;
            }
            // Loaded under the lock: a reader without it could meet one writer's new sources.csv beside its old memberships.csv.
            var dataset = Common.Load(dir, console);
            if (dataset is null) return CliApp.InvalidInput;
            var importMode = parse.GetValue(mode) == "merge" ? ImportMode.Merge : ImportMode.Replace;
            var result = MembershipImport.Plan(dataset, dir, parse.GetValue(authority)!, parse.GetValue(body)!, importMode, name, content,
                maxRows: limit, held: held);
            if (result.Plan is not { } plan) return Rejected(name, result.Errors, console);

            ImportPreview.Write(plan, console);
            if (!plan.HasChanges)
            {
                console.Out.WriteLine("Nothing to change: the file says what the dataset already says.");
                return CliApp.Ok;
            }
            if (dry)
            {
                console.Out.WriteLine("Dry run: nothing was written.");
                return CliApp.Ok;
            }
            var commit = DatasetStore.Commit(held!, plan, $"import {name} into {plan.AuthorityId}/{plan.Body.Id} ({parse.GetValue(mode)})");
            if (!commit.Succeeded) return Rejected(name, commit.Errors, console);
            console.Out.WriteLine($"Written: {string.Join(", ", plan.Files.Select(f => f.Path))}. "
                + $"The previous version is snapshot {commit.Snapshot!.Id}; 'trustgraph undo' puts it back.");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The row limit: the option, else TRUSTGRAPH_IMPORT_MAX_ROWS, else the default; null (after saying why) when it is not a positive number.</summary>
    private static int? MaxRows(int? option, CliConsole console)
    {
        if (option is int given)
        {
            if (given > 0) return given;
            console.Error.WriteLine($"trustgraph: --max-rows {given}: expected a positive number of rows. Nothing was written.");
            return null;
        }
        var env = Environment.GetEnvironmentVariable("TRUSTGRAPH_IMPORT_MAX_ROWS");
        if (string.IsNullOrWhiteSpace(env)) return ImportLimits.DefaultMaxRows;
        if (int.TryParse(env, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        console.Error.WriteLine($"trustgraph: TRUSTGRAPH_IMPORT_MAX_ROWS is '{env}'; expected a positive number of rows. Nothing was written.");
        return null;
    }

    private static int Rejected(string name, IReadOnlyList<Loading.DatasetError> errors, CliConsole console)
    {
        console.Error.WriteLine($"trustgraph: {name} was not imported ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); nothing was written:");
        foreach (var error in errors) console.Error.WriteLine("  " + error);
        return CliApp.InvalidInput;
    }
}

/// <summary>The preview of an import as a person reads it: what was read, the seats that change, and what that does to the findings.</summary>
internal static class ImportPreview
{
    public static void Write(ImportPlan plan, CliConsole console)
    {
        var o = console.Out;
        var list = plan.List;
        var authority = plan.Before.Find(plan.AuthorityId)!.Authority.Name;
        o.WriteLine(console.Paint($"Import of {list.FileName} into {authority} › {plan.Body.Name} [{plan.Body.Id}] ({plan.Mode.ToString().ToLowerInvariant()})", "1"));
        o.WriteLine($"Read as {list.Encoding}, separated by {list.SeparatorName}; header on line {list.HeaderLine}; {list.Rows.Count} row{(list.Rows.Count == 1 ? "" : "s")}."
            + (list.IsContractFormat ? " The file has the dataset's own columns, so it is read literally: blanks mean not stated." : ""));
        o.WriteLine("Columns: " + string.Join(", ", list.Columns.Select(c => $"{c.Header} → {Field(c.Field)}"))
            + (list.IgnoredColumns.Count > 0 ? $". Ignored: {string.Join(", ", list.IgnoredColumns)}." : "."));
        foreach (var w in list.Warnings) o.WriteLine(console.Paint($"Note: {w}", "33"));
        o.WriteLine();

        var inferred = plan.Inferred.ToList();
        Section(o, console, "Seats added", plan.Added.Count, plan.Added.Select(a => $"  {console.Paint("+", "32")} line {a.Line}: {Describe(a.Seat, a.Inferred)}"));
        Section(o, console, "Seats removed", plan.Removed.Count, plan.Removed.Select(s => $"  {console.Paint("-", "31")} {Describe(s, null)}"));
        Section(o, console, "Seats changed", plan.Changed.Count, plan.Changed.Select(c =>
            $"  {console.Paint("~", "33")} line {c.Line}: {c.Before.Label}: "
            + string.Join("; ", c.Fields.Where(f => !(f.Field == "source" && plan.NewSource is { } n && f.After?.StartsWith(n.Id + "#") == true)).Select(f => $"{f.Field} {Value(f.Before)} → {Value(f.After)}{(f.Field == "partner_category" && c.Inferred is not null ? "*" : "")}"))));
        o.WriteLine($"Unchanged: {plan.Unchanged} seat{(plan.Unchanged == 1 ? "" : "s")}.");
        o.WriteLine();

        if (inferred.Count > 0)
            Section(o, console, "* Categories inferred from the text — check them, and put the right one in a partner_category column if wrong", inferred.Count,
                inferred.Select(i => $"  line {i.Line}: {i.Seat.Label}: {i.Inference.Category.ToWord()}, {i.Inference.Explain()}"));
        var uncategorised = plan.Added.Where(a => a.Seat.PartnerCategory is null).ToList();
        if (uncategorised.Count > 0 && !list.IsContractFormat)
            Section(o, console, "No category found (the seat will count for no relevant partner)", uncategorised.Count,
                uncategorised.Select(a => $"  line {a.Line}: {a.Seat.Label}"));
        var vacant = plan.Added.Select(a => (a.Line, a.Seat)).Concat(plan.Changed.Select(c => (c.Line, Seat: c.After)))
            .Where(x => x.Seat.Status == SeatStatus.Vacant)
            .Select(x => (x.Line, x.Seat, Row: list.Rows.FirstOrDefault(r => r.Line == x.Line)))
            .Where(x => x.Row?.VacantBecause is not null).OrderBy(x => x.Line).ToList();
        if (vacant.Count > 0)
            Section(o, console, "Read as vacant seats", vacant.Count, vacant.Select(v => $"  line {v.Line}: {v.Seat.Label}: {v.Row!.VacantBecause}"));
        var marked = plan.Added.Select(a => (a.Line, a.Seat)).Concat(plan.Changed.Select(c => (c.Line, Seat: c.After)))
            .Where(x => x.Seat.Basis == Basis.Inferred).OrderBy(x => x.Line).ToList();
        if (marked.Count > 0)
            Section(o, console, "Stored as inferred (basis=inferred, with a note saying why)", marked.Count,
                marked.Select(m => $"  line {m.Line}: {m.Seat.Label}: {m.Seat.Note}"));
        if (plan.PeopleOnMoreBodies.Count > 0)
            Section(o, console, "People who now sit on more bodies", plan.PeopleOnMoreBodies.Count, plan.PeopleOnMoreBodies.Select(p =>
                $"  {p.Name}: {p.BodiesAfter.Count} bodies ({string.Join("; ", p.BodiesAfter)}), was {p.BodiesBefore.Count}"));

        if (plan.FindingsAppeared.Count + plan.FindingsDisappeared.Count == 0)
            o.WriteLine("Findings: no change.");
        else
        {
            Section(o, console, "Findings that appear", plan.FindingsAppeared.Count, plan.FindingsAppeared.Select(f => $"  + {Badge(f)} {f.Message}"));
            Section(o, console, "Findings that disappear", plan.FindingsDisappeared.Count, plan.FindingsDisappeared.Select(f => $"  - {Badge(f)} {f.Message}"));
        }
        if (plan.NewSource is { } source) o.WriteLine($"The added and changed seats will cite {source.Id}#row-N (\"{source.Title}\", {source.Date}), a new row of sources.csv.");
    }

    private static void Section(TextWriter o, CliConsole console, string title, int count, IEnumerable<string> lines)
    {
        if (count == 0) return;
        o.WriteLine(console.Paint($"{title} ({count}):", "4"));
        foreach (var line in lines) o.WriteLine(line);
        o.WriteLine();
    }

    private static string Describe(Seat s, CategoryInference? inferred)
    {
        var who = s.Status == SeatStatus.Vacant ? "VACANT" : s.Person ?? "(post only)";
        var category = s.PartnerCategory is { } c ? c.ToWord() + (inferred is not null ? "*" : "") : null;
        var parts = new[] { s.Post, s.Agency, category }.Where(p => p is not null);
        var voting = s.Voting switch { true => ", voting", false => ", non-voting", _ => "" };
        return $"{who} — {string.Join("; ", parts)} ({s.Role.ToWord()}{voting})";
    }

    private static string Value(string? v) => v is null ? "(blank)" : $"'{v}'";

    private static string Field(ImportField f) => f switch
    {
        ImportField.GivenName => "first name", ImportField.FamilyName => "surname", ImportField.SurnameFirstName => "person (surname first)", _ => ImportVocabulary.ColumnName(f),
    };

    private static string Badge(Finding f) => f.Severity.ToString().ToUpperInvariant();
}
