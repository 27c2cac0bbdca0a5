using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Storage;
using TrustGraph.Web.Security;
using TrustGraph.Web.Services;

namespace TrustGraph.Web.Endpoints;

/// <summary>
/// The import page's form posts: upload (plan only, nothing written), commit, cancel, undo. Each needs the signed-in
/// admin and this site's antiforgery token, and answers with a redirect to the page that shows the outcome. They call
/// the same core API as <c>trustgraph import</c> and <c>trustgraph undo</c>: <see cref="MembershipImport.Plan"/>,
/// <see cref="DatasetStore.Commit(string, ImportPlan, string)"/>, <see cref="DatasetStore.Undo"/>.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/import").RequireAuthorization(ViewerSecurity.AdminPolicy);
        group.MapPost("/upload", Upload).RequireRateLimiting(ViewerSecurity.UploadLimit).WithMetadata(new UploadEndpoint())
            .WithFormOptions(multipartBodyLengthLimit: ViewerSecurity.MaxUploadRequestBytes);
        group.MapPost("/{id}/commit", Commit);
        group.MapPost("/{id}/cancel", Cancel);
        group.MapPost("/undo", Undo);
    }

    private static async Task Upload(HttpContext context, ViewerCatalog catalog, ImportWorkspace workspace, Microsoft.Extensions.Options.IOptions<ImportOptions> options, ILogger<ImportWorkspace> log)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null) return;
        var user = context.User.Identity!.Name!;
        var target = form["target"].ToString();
        var slash = target.IndexOf('/');
        var (authority, body) = slash > 0 ? (target[..slash], target[(slash + 1)..]) : (target, "");
        var mode = form["mode"] == "merge" ? ImportMode.Merge : ImportMode.Replace;
        var file = form.Files.GetFile("file");
        var fileName = SafeFileName(file?.FileName);
        var version = catalog.Current;

        ImportResult result;
        if (!catalog.IsFolder)
            result = new ImportResult(null, [NotAFolder(catalog)]);
        else if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            result = new ImportResult(null, [new DatasetError("(upload)", 0, 0, "no file was chosen; expected a membership list saved from a spreadsheet as CSV")]);
        else if (file.Length > SpreadsheetText.MaxBytes)
            result = new ImportResult(null, [SpreadsheetText.TooBig(fileName, file.Length)]);
        else if (version.Dataset is null)
            result = new ImportResult(null, [new DatasetError("(dataset)", 0, 0, "the dataset itself has problems, so nothing can be imported into it; expected a valid dataset (see the explorer page)")]);
        else
        {
            using var content = new MemoryStream((int)file.Length);
            await file.CopyToAsync(content, context.RequestAborted);
            result = MembershipImport.Plan(version.Dataset, catalog.DataPath, authority, body, mode, fileName, content.ToArray(), maxRows: options.Value.MaxRows);
        }
        if (result.DatasetChanged)
        {
            log.LogInformation("{User} uploaded {File} for {Authority}/{Body}: the dataset changed while it was planned", user, fileName, authority, body);
            await Conflict(context, fileName, result.Errors);
            return;
        }

        var attempt = workspace.Add(user, fileName, authority, body, mode, version.Number, result);
        log.LogInformation("{User} uploaded {File} for {Authority}/{Body} ({Mode}): {Outcome}", user, fileName, authority, body, mode,
            result.IsValid ? "planned" : $"rejected with {result.Errors.Count} problems");
        await Forms.SeeOther($"/import/{attempt.Id}").ExecuteAsync(context);
    }

    private static async Task Commit(string id, HttpContext context, ViewerCatalog catalog, ImportWorkspace workspace, ILogger<ImportWorkspace> log)
    {
        if (await Forms.ReadAsync(context) is null) return;
        var user = context.User.Identity!.Name!;
        var attempt = workspace.Take(id, user);
        if (attempt?.Plan is not { } plan)
        {
            await Notify(context, workspace.AddNotice(user, false, "Nothing was written",
                ["That preview has expired, was already committed or cancelled, or was rejected. Upload the file again."]));
            return;
        }

        var commit = DatasetStore.Commit(catalog.DataPath, plan, $"upload {attempt.FileName} into {plan.AuthorityId}/{plan.Body.Id} ({Word(plan.Mode)}) by {user}");
        if (commit.DatasetChanged)
        {
            log.LogInformation("{User} could not commit {File}: the dataset changed after the preview", user, attempt.FileName);
            await Conflict(context, attempt.FileName, commit.Errors);
            return;
        }
        if (!commit.Succeeded)
        {
            await Notify(context, workspace.AddNotice(user, false, $"{attempt.FileName} was not written", ["Nothing was changed."], commit.Errors));
            return;
        }
        catalog.Reload();
        log.LogInformation("{User} committed {File} into {Authority}/{Body}: snapshot {Snapshot}", user, attempt.FileName, plan.AuthorityId, plan.Body.Id, commit.Snapshot?.Id);
        var lines = commit.Snapshot is null
            ? new List<string> { "The file says what the dataset already says; nothing was written." }
            : [$"Written: {string.Join(", ", plan.Files.Select(f => f.Path))}.", $"The previous version is kept as snapshot {commit.Snapshot.Id}; Undo puts it back."];
        await Notify(context, workspace.AddNotice(user, true, $"Imported {attempt.FileName} into {plan.Body.Name}", lines,
            bodyHref: BodyHref(catalog, plan.AuthorityId, plan.Body.Id)));
    }

    private static async Task Cancel(string id, HttpContext context, ImportWorkspace workspace)
    {
        if (await Forms.ReadAsync(context) is null) return;
        var user = context.User.Identity!.Name!;
        var attempt = workspace.Take(id, user);
        await Notify(context, workspace.AddNotice(user, true, attempt is null ? "Nothing to cancel" : $"Cancelled: {attempt.FileName} was not imported",
            ["Nothing was written."]));
    }

    private static async Task Undo(HttpContext context, ViewerCatalog catalog, ImportWorkspace workspace, ILogger<ImportWorkspace> log)
    {
        if (await Forms.ReadAsync(context) is null) return;
        var user = context.User.Identity!.Name!;
        var result = catalog.IsFolder ? DatasetStore.Undo(catalog.DataPath) : new UndoResult(null, [NotAFolder(catalog)]);
        if (!result.Succeeded)
        {
            await Notify(context, workspace.AddNotice(user, false, "Undo refused", ["Nothing was changed."], result.Errors));
            return;
        }
        catalog.Reload();
        var restored = result.Restored!;
        log.LogInformation("{User} undid snapshot {Snapshot} ({Description})", user, restored.Id, restored.Description);
        await Notify(context, workspace.AddNotice(user, true, $"Undone: {restored.Description}",
            [$"Restored {string.Join(", ", restored.Files.Select(f => f.Path))} as they were on {restored.When:yyyy-MM-dd HH:mm} UTC."]));
    }

    /// <summary>
    /// 409 Conflict: another import or undo changed the dataset after this one read it. Nothing was written, and the
    /// answer says so in the words the command line uses, so a person knows to upload the file again.
    /// </summary>
    private static Task Conflict(HttpContext context, string fileName, IReadOnlyList<DatasetError> errors) =>
        Forms.Plain(context, StatusCodes.Status409Conflict,
            $"{fileName} was not imported: {DatasetStore.ChangedWhilePlanning}. Nothing was written.\n\n"
            + string.Join("\n", errors.Select(e => e.ToString()))
            + "\n\nGo back to the import page (/import) and upload the file again to see the dataset as it is now.");

    /// <summary>Why nothing can be written when the viewer shows a dataset read from Neo4j.</summary>
    public static DatasetError NotAFolder(ViewerCatalog catalog) => new("(dataset)", 0, 0,
        $"the viewer shows the dataset in {catalog.DataPath}, read once at start, so it cannot import or undo; expected a dataset folder: "
        + "import with 'trustgraph import' into the folder and push it with 'trustgraph neo4j push --replace'");

    private static Task Notify(HttpContext context, ImportNotice notice) =>
        Forms.SeeOther($"/import?notice={notice.Id}").ExecuteAsync(context);

    /// <summary>The explorer page of the arrangement that holds the body, with the body selected.</summary>
    public static string? BodyHref(ViewerCatalog catalog, string authorityId, string bodyId) =>
        catalog.ViewsOf(authorityId).FirstOrDefault(v => v.Graph.Contains(bodyId)) is { } view
            ? $"/{view.Href}?body={Uri.EscapeDataString(bodyId)}"
            : null;

    public static string Word(ImportMode mode) => mode == ImportMode.Merge ? "merge" : "replace";

    /// <summary>The file's own name without any folder a browser sent, cut to a sane length; "upload.csv" when it has none.</summary>
    public static string SafeFileName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/')[^1]).Trim();
        bare = new string(bare.Where(c => !char.IsControl(c)).ToArray());
        if (bare.Length > 120) bare = bare[..80] + "…" + bare[^39..];
        return bare.Length == 0 ? "upload.csv" : bare;
    }
}
