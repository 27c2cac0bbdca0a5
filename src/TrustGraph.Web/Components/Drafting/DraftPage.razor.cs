using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Drafting;
using TrustGraph.Loading;
using TrustGraph.Model;
using TrustGraph.Storage;
using TrustGraph.Web.Security;

namespace TrustGraph.Web.Components.Drafting;

/// <summary>
/// The drafting page: the draft's diagram, forms beside it, and its findings after every change. The page holds the
/// version token of the files it last read; each change is saved at once through <see cref="DraftStore"/> with that
/// token, so a change made by someone else in between is reported as a conflict rather than written over.
/// </summary>
public partial class DraftPage
{
    private enum Form { Details, Body, Seat, Line, NewBody, Undo }

    /// <summary>What the seat form holds, as words from the form's fields.</summary>
    private sealed class SeatForm
    {
        public string? Post { get; set; }
        public string? Person { get; set; }
        public string? Agency { get; set; }
        public string? Category { get; set; }
        public string Role { get; set; } = "member";
        public string? Voting { get; set; }
        public bool Vacant { get; set; }
        public bool Inferred { get; set; }
        public string? Note { get; set; }
    }

    private string? _user;
    private string? _missing;
    private string? _version;
    private DraftFindings? _findings;
    private DraftRows? _rows;
    private DiagramModel? _diagram;
    private IReadOnlyList<Snapshot> _history = [];
    private readonly IReadOnlySet<string> _overlays = new HashSet<string>(Checks.Core);
    private string? _selected;
    private string? _status;
    private bool _statusOk;
    private bool _conflict;
    private bool _confirmDiscard;
    private Form _problemsFor;
    private IReadOnlyList<DraftProblem> _problems = [];

    private string _detailStatus = "option";
    private string? _detailInForce;
    private string _bodyName = "";
    private string _bodyKind = "";
    private string _bodyLayer = "";
    private string? _bodyMeets;
    private bool _bodyPartial;
    private bool _bodyInferred;
    private SeatForm _seat = new();
    private int? _seatIndex;
    private string _lineKind = "accountable-to";
    private string _lineTo = "";
    private bool _lineInferred;
    private string? _newBodyName;
    private string _newBodyKind = "thematic";
    private string _newBodyLayer = "strategy";

    [Parameter] public string AuthorityId { get; set; } = "";
    [Parameter] public string ArrangementId { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    private string Key => $"{AuthorityId}/{ArrangementId}";

    private Body? SelectedBody => _selected is null || _findings is null || !_findings.Graph.Contains(_selected) ? null : _findings.Graph.Body(_selected);

    private IEnumerable<(Seat Seat, int Index)> SeatsOfSelected =>
        _rows is null || _selected is null ? [] : _rows.Seats.Select((s, i) => (s, i)).Where(x => x.s.Body == _selected);

    private IEnumerable<AccountabilityLine> LinesOfSelected =>
        _findings is null || _selected is null ? [] : _findings.Graph.Lines.Edges.Select(e => e.Line).Where(l => l.From == _selected || l.To == _selected);

    private string NameOf(string id) => _findings is not null && _findings.Graph.Contains(id) ? _findings.Graph.Body(id).Name : id;

    private IReadOnlyList<DraftProblem> Problems(Form form) => _problemsFor == form ? _problems : [];

    protected override async Task OnParametersSetAsync()
    {
        var state = Authentication is null ? null : await Authentication;
        _user = state?.User.IsInRole(AdminAccount.Role) == true ? state.User.Identity?.Name : null;
        if (_user is null || !Admin.WritesEnabled) return;
        Refresh();
    }

    /// <summary>Reads the draft from disk (not the catalog, which may lag a change made elsewhere) with the token of what was read.</summary>
    private void Refresh()
    {
        _conflict = false;
        if (!Catalog.IsFolder)
        {
            _missing = "The viewer's dataset is not a folder, so drafts cannot be saved here.";
            return;
        }
        var version = Drafts.VersionOf(Catalog.DataPath, AuthorityId);
        var loaded = DatasetLoader.Load(Catalog.DataPath);
        var draft = loaded.Dataset is { } d ? Drafts.Find(d, AuthorityId, ArrangementId) : null;
        if (draft is null)
        {
            _findings = null;
            _missing = loaded.IsValid ? $"There is no draft '{Key}' (it may have been discarded)." : "The dataset has problems, so the draft cannot be opened.";
            return;
        }
        Show(loaded.Dataset!, draft, version);
    }

    private void Show(Dataset dataset, Draft draft, string version)
    {
        _version = version;
        _findings = DraftFindings.Of(dataset, draft);
        _rows = DraftRows.Of(dataset.Find(draft.AuthorityId)!, draft.Id);
        _diagram = HierarchyDiagram.Build(_findings.Graph, _findings.Findings);
        _history = DraftStore.History(Catalog.DataPath, draft.Key);
        _detailStatus = draft.Arrangement.Status.ToWord();
        _detailInForce = draft.Arrangement.InForce?.ToString();
        if (_selected is not null && !_findings.Graph.Contains(_selected)) _selected = null;
        LoadBodyForm();
    }

    private Task SelectAsync(string? id)
    {
        _selected = string.IsNullOrEmpty(id) ? null : id;
        _seatIndex = null;
        _seat = new SeatForm();
        _problems = [];
        LoadBodyForm();
        return Task.CompletedTask;
    }

    private void LoadBodyForm()
    {
        if (SelectedBody is not { } b) return;
        _bodyName = b.Name;
        _bodyKind = b.Kind.ToWord();
        _bodyLayer = b.Layer.ToWord();
        _bodyMeets = b.MeetsPerYear?.ToString();
        _bodyPartial = b.MembershipPartial;
        _bodyInferred = b.Basis == Basis.Inferred;
    }

    private void EditSeat(int index)
    {
        var s = _rows!.Seats[index];
        _seatIndex = index;
        _seat = new SeatForm
        {
            Post = s.Post, Person = s.Person, Agency = s.Agency, Category = s.PartnerCategory?.ToWord(), Role = s.Role.ToWord(),
            Voting = s.Voting switch { true => "yes", false => "no", _ => null }, Vacant = s.Status == SeatStatus.Vacant,
            Inferred = s.Basis == Basis.Inferred, Note = s.Note,
        };
    }

    private Task SaveDetails() =>
        SaveAsync(Form.Details, new EditDetails(_detailStatus == "proposed" ? ArrangementStatus.Proposed : ArrangementStatus.Option, _detailInForce));

    private Task SaveBody()
    {
        if (SelectedBody is not { } b) return Task.CompletedTask;
        int? meets = null;
        if (!string.IsNullOrWhiteSpace(_bodyMeets))
        {
            if (!int.TryParse(_bodyMeets.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 1000)
            {
                Refuse(Form.Body, "meets_per_year", $"'{_bodyMeets}' is not a number of meetings; expected a whole number from 0 to 1000, or blank when not stated");
                return Task.CompletedTask;
            }
            meets = n;
        }
        return SaveAsync(Form.Body, new EditBody(b.Id, _bodyName, Parse<BodyKind>(_bodyKind), Parse<OnionLayer>(_bodyLayer), meets, _bodyPartial,
            _bodyInferred ? Basis.Inferred : Basis.Stated, b.Note));
    }

    private Task RemoveSelectedBody() => SelectedBody is { } b ? SaveAsync(Form.Body, new RemoveBody(b.Id)) : Task.CompletedTask;

    private async Task SaveSeat()
    {
        if (SelectedBody is not { } b) return;
        PartnerCategory? category = string.IsNullOrEmpty(_seat.Category) ? null : Parse<PartnerCategory>(_seat.Category);
        var fields = new SeatFields(b.Id, _seat.Post, _seat.Person, _seat.Agency, category, Parse<SeatRole>(_seat.Role),
            _seat.Voting switch { "yes" => true, "no" => false, _ => null }, _seat.Vacant ? SeatStatus.Vacant : SeatStatus.Filled,
            _seat.Inferred ? Basis.Inferred : Basis.Stated, _seat.Note);
        if (await SaveAsync(Form.Seat, _seatIndex is int i ? new EditSeat(i, fields) : new AddSeat(fields)))
        {
            _seat = new SeatForm();
            _seatIndex = null;
        }
    }

    private async Task DrawLine()
    {
        if (SelectedBody is not { } b) return;
        if (string.IsNullOrEmpty(_lineTo))
        {
            Refuse(Form.Line, "to", "no body is chosen to draw the line to; expected one of the draft's bodies");
            return;
        }
        if (await SaveAsync(Form.Line, new AddLine(b.Id, _lineTo, Parse<AccountabilityKind>(_lineKind), _lineInferred ? Basis.Inferred : Basis.Stated)))
            _lineTo = "";
    }

    private async Task AddNewBody()
    {
        var name = _newBodyName;
        var before = _rows?.Bodies.Select(x => x.Id).ToHashSet() ?? [];
        if (await SaveAsync(Form.NewBody, new AddBody(name ?? "", Parse<BodyKind>(_newBodyKind), Parse<OnionLayer>(_newBodyLayer))))
        {
            _newBodyName = null;
            var added = _rows?.Bodies.FirstOrDefault(x => !before.Contains(x.Id));
            if (added is not null) await SelectAsync(added.Id);
        }
    }

    /// <summary>Saves one change; shows the problems beside the form that made it, or what changed in the findings.</summary>
    private Task<bool> SaveAsync(Form form, DraftChange change)
    {
        if (_user is null || _version is null) return Task.FromResult(false);
        var before = _findings;
        var result = DraftStore.Save(Catalog.DataPath, Key, _version, change);
        _problemsFor = form;
        _problems = result.Problems;
        _conflict = result.Conflict;
        if (!result.Succeeded)
        {
            _status = result.Conflict ? "Not saved: conflict." : "Not saved: see the message beside the field.";
            _statusOk = false;
            return Task.FromResult(false);
        }
        if (result.Snapshot is not null) Catalog.Reload();
        Show(result.Dataset!, result.Draft!, result.Version!);
        _status = result.Snapshot is null ? "Nothing to save: the draft already says that." : $"Saved: {result.Snapshot.Description[(result.Snapshot.Description.IndexOf(':') + 1)..].Trim()}. {Effect(before, _findings!)}";
        _statusOk = true;
        return Task.FromResult(true);
    }

    /// <summary>How the findings moved with the last change, in counts a reader takes in at a glance.</summary>
    private static string Effect(DraftFindings? before, DraftFindings after)
    {
        if (before is null) return "";
        var parts = new List<string>();
        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info })
        {
            var delta = after.Findings.Count(f => f.Severity == severity) - before.Findings.Count(f => f.Severity == severity);
            if (delta == 0) continue;
            var word = severity == Severity.Info ? "note" : severity.ToString().ToLowerInvariant();
            parts.Add($"{Math.Abs(delta)} {word}{(Math.Abs(delta) == 1 ? "" : "s")} {(delta < 0 ? "fewer" : "more")}");
        }
        return parts.Count == 0 ? "The findings' counts did not change." : string.Join(", ", parts) + ".";
    }

    private Task UndoAsync()
    {
        if (_user is null) return Task.CompletedTask;
        var result = DraftStore.Undo(Catalog.DataPath, Key);
        _problemsFor = Form.Undo;
        _problems = result.Problems;
        if (!result.Succeeded)
        {
            _status = "Nothing was undone.";
            _statusOk = false;
            return Task.CompletedTask;
        }
        Catalog.Reload();
        _status = $"Undone: {result.Snapshot!.Description[(result.Snapshot.Description.IndexOf(':') + 1)..].Trim()}.";
        _statusOk = true;
        if (result.Draft is null)
        {
            _findings = null;
            _missing = "The draft was undone back to before it was started.";
            return Task.CompletedTask;
        }
        Show(result.Dataset!, result.Draft, result.Version!);
        return Task.CompletedTask;
    }

    private Task DiscardAsync()
    {
        if (_user is null) return Task.CompletedTask;
        var result = DraftStore.Delete(Catalog.DataPath, Key, _version);
        _problemsFor = Form.Undo;
        _problems = result.Problems;
        _conflict = result.Conflict;
        _confirmDiscard = false;
        if (!result.Succeeded) return Task.CompletedTask;
        Catalog.Reload();
        Nav.NavigateTo($"authority/{Uri.EscapeDataString(AuthorityId)}");
        return Task.CompletedTask;
    }

    private void Refuse(Form form, string field, string message)
    {
        _problemsFor = form;
        _problems = [new DraftProblem(field, message)];
        _status = "Not saved: see the message beside the field.";
        _statusOk = false;
    }

    private static T Parse<T>(string word) where T : struct, Enum =>
        Vocabulary<T>.TryParse(word, out var value) ? value : default;
}
