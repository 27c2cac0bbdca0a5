using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// Push a dataset into the fake Query API (its <see cref="FakeGraph"/> keeps what was pushed and answers the reader's
/// statements from it, in scrambled order, with JSON nulls for missing properties), read it back, compare record by record.
/// </summary>
public sealed class Neo4jDatasetReaderTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;
    private FakeGraph _graph = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQueryApi.StartAsync();
        _graph = FakeGraph.Behind(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<Dataset> RoundTrip(Dataset dataset)
    {
        await ReadBack.PushAsync(_server, dataset);
        return ReadBack.Valid(await ReadBack.ReadAsync(_server));
    }

    private async Task<IReadOnlyList<DatasetError>> ErrorsAfter(Action<FakeGraph> tamper)
    {
        await ReadBack.PushAsync(_server, TestData.Shipped);
        tamper(_graph);
        var result = await ReadBack.ReadAsync(_server);
        Assert.Null(result.Dataset);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal((0, 0), (e.Line, e.Column)));
        return result.Errors;
    }

    [Theory]
    [InlineData("data")]
    [InlineData("tests/fixtures/hostile")]
    [InlineData("tests/fixtures/neo4j-twins")]
    [InlineData("tests/fixtures/export-hostile")]
    public async Task Pushing_a_dataset_and_reading_it_back_gives_the_same_dataset_record_by_record(string folder)
    {
        var original = TestData.Load(folder);
        var read = await RoundTrip(original);
        DatasetAssert.Same(original, read);
    }

    [Fact]
    public async Task The_analyses_of_the_dataset_read_from_neo4j_say_exactly_what_they_say_of_the_folder()
    {
        var original = TestData.Shipped;
        var read = await RoundTrip(original);
        Assert.NotEmpty(TrustGraph.Analyses.Analysis.Run(read));
        DatasetAssert.SameFindings(original, read);
    }

    [Fact]
    public async Task Vacant_seats_post_only_seats_and_identical_rows_come_back_as_seats_in_their_order()
    {
        var original = AwkwardDataset.Load();
        var read = await RoundTrip(original);
        DatasetAssert.Same(original, read);

        var seats = read.Find("zeta")!.Seats;
        Assert.Equal(12, seats.Count);
        Assert.Equal(4, seats.Count(s => s.Status == SeatStatus.Vacant));
        Assert.Equal(seats[1], seats[2]);
        Assert.Equal(("Chief Constable", null, SeatStatus.Vacant), (seats[1].Post, seats[1].Person, seats[1].Status));
        Assert.Equal(("Ann Smith", "ann  SMITH"), (seats[3].Person, seats[4].Person));
        Assert.Equal(("new-board", SeatRole.Chair, SeatStatus.Vacant), (seats[10].Body, seats[10].Role, seats[10].Status));
        Assert.Equal("Dr. Ngozi Okonjo-Iweala", seats[11].Person);
        Assert.Equal([true, null, null, false, null, false, null, null, true, true, null, true], seats.Select(s => s.Voting));
    }

    [Fact]
    public async Task Unicode_and_names_that_look_like_cypher_come_back_unchanged()
    {
        var read = await RoundTrip(AwkwardDataset.Load());
        var zeta = read.Find("zeta")!;
        Assert.Equal("Zeta & Ynys Môn 🏴", zeta.Authority.Name);
        Assert.Equal(AwkwardDataset.HostileName, zeta.Seats[0].Person);
        Assert.Equal(AwkwardDataset.HostileName + " Board", zeta.Bodies[1].Name);
        Assert.Equal("张伟", zeta.Seats[6].Person);
        Assert.Equal("Own the plan\nacross two lines, \"quoted\"", zeta.Duties[0].Text);
        Assert.Equal("A paper, {with: 'braces'} and \\backslashes\\", read.FindSource("a-paper")!.Title);
    }

    [Fact]
    public async Task Rows_are_put_back_in_file_order_although_neo4j_returns_them_in_another()
    {
        var original = AwkwardDataset.Load();
        await ReadBack.PushAsync(_server, original);

        using (var client = new QueryApiClient(_server.Options()))
        {
            var answered = (await client.RunAsync(Neo4jDatasetReader.Seats.Text)).Rows
                .Where(r => r["authority"].GetString() == "zeta").Select(r => r["ord"].GetInt64()).ToList();
            Assert.Equal(12, answered.Count);
            Assert.NotEqual(answered.Order(), answered);
        }

        var read = ReadBack.Valid(await ReadBack.ReadAsync(_server));
        Assert.Equal(["zeta", "alpha"], read.Authorities.Select(a => a.Id));
        Assert.Equal(["z-paper", "a-paper"], read.Sources.Select(s => s.Id));
        Assert.Equal(["2010", "2009"], read.Find("zeta")!.Arrangements.Select(a => a.Id));
        Assert.Equal(original.Find("zeta")!.Seats, read.Find("zeta")!.Seats);
        Assert.Equal(["board", "exec", "exec", "exec", "lsp", "new-board"], read.Find("zeta")!.Lines.Select(l => l.From));
    }

    [Fact]
    public async Task An_authority_with_no_bodies_and_bodies_with_no_arrangement_survive()
    {
        var read = await RoundTrip(AwkwardDataset.Load());
        var alpha = read.Find("alpha")!;
        Assert.Equal(new Authority("alpha", "Alpha", null, null), alpha.Authority);
        Assert.Empty(alpha.Arrangements);
        Assert.Equal([new Body("only", "The only body", BodyKind.Network, OnionLayer.Delivery, null, null, new SourceRef("a-paper", null))], alpha.Bodies);
        Assert.Empty(alpha.Seats);
        var exec = read.Find("zeta")!.Bodies.Single(b => b.Id == "exec");
        Assert.Equal(("board", true, null), (exec.PartOf, exec.MembershipPartial, exec.MeetsPerYear));
        Assert.Equal(0, read.Find("zeta")!.Bodies.Single(b => b.Id == "lsp").MeetsPerYear);
    }

    [Fact]
    public async Task Pushing_again_with_and_without_replace_reads_back_the_same_dataset()
    {
        var original = AwkwardDataset.Load();
        await ReadBack.PushAsync(_server, original);
        await ReadBack.PushAsync(_server, original);
        DatasetAssert.Same(original, ReadBack.Valid(await ReadBack.ReadAsync(_server)));
        await ReadBack.PushAsync(_server, original, replace: true);
        DatasetAssert.Same(original, ReadBack.Valid(await ReadBack.ReadAsync(_server)));
    }

    [Fact]
    public async Task The_reader_runs_its_fixed_statements_without_parameters_in_one_transaction()
    {
        await ReadBack.PushAsync(_server, TestData.Shipped);
        var before = _server.Requests.Count;
        ReadBack.Valid(await ReadBack.ReadAsync(_server));

        var reading = _server.Requests.Skip(before).ToList();
        Assert.Single(reading, r => r.IsBegin);
        Assert.Single(reading, r => r.IsCommit);
        Assert.DoesNotContain(reading, r => r.IsImplicit || r.IsRollback);
        var statements = reading.Where(r => r.IsInTransaction).ToList();
        Assert.Equal(Neo4jDatasetReader.Statements.Select(s => s.Text), statements.Select(r => r.Statement));
        Assert.All(statements, r => Assert.Null(r.Parameters));
        Assert.All(statements, r => Assert.Equal(FakeQueryApi.AffinityValue, r.Affinity));
        Assert.All(statements, r => Assert.DoesNotContain("suffolk", r.Statement));
    }

    [Fact]
    public async Task A_transient_error_while_reading_retries_the_whole_read()
    {
        await ReadBack.PushAsync(_server, TestData.Shipped);
        var failed = 0;
        _server.Answer = r => r.Statement == Neo4jDatasetReader.Seats.Text && Interlocked.Increment(ref failed) == 1
            ? FakeAnswer.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")
            : _graph.Respond(r);
        var retries = new List<int>();
        var before = _server.Requests.Count;
        var result = await ReadBack.ReadAsync(_server, new TransientRetry(_server.Options()) { Retrying = (attempt, _, _) => retries.Add(attempt) });

        DatasetAssert.Same(TestData.Shipped, ReadBack.Valid(result));
        Assert.Equal([1], retries);
        var reading = _server.Requests.Skip(before).ToList();
        Assert.Equal(2, reading.Count(r => r.IsBegin));
        Assert.Single(reading, r => r.IsRollback);
        Assert.Single(reading, r => r.IsCommit);
    }

    [Fact]
    public async Task An_empty_database_is_not_a_trustgraph_graph()
    {
        var result = await ReadBack.ReadAsync(_server);
        var error = Assert.Single(result.Errors);
        Assert.Null(result.Dataset);
        Assert.Equal("neo4j:Authority", error.File);
        Assert.Contains("holds no TrustGraph authority", error.Message);
        Assert.Contains("trustgraph neo4j push", error.Message);
        Assert.Contains(_server.Uri.ToString(), error.Message);
    }

    [Fact]
    public async Task Nodes_someone_else_labelled_authority_are_errors_not_a_dataset()
    {
        _graph.Nodes.Add(new FakeGraph.Node("Authority", "4:abc:0") { Properties = { ["title"] = "Acme Ltd" } });
        _graph.Nodes.Add(new FakeGraph.Node("Authority", "4:abc:1") { Properties = { ["id"] = "Acme Ltd", ["name"] = "Acme", ["ord"] = 0 } });
        var result = await ReadBack.ReadAsync(_server);
        Assert.Null(result.Dataset);
        Assert.Equal(
            [
                "neo4j:Authority: node '4:abc:0': 'id' is empty; expected an authority id",
                "neo4j:Authority: node '4:abc:0': 'name' is empty; expected the authority's name",
                "neo4j:Authority: node '4:abc:0': 'ord' is missing; expected the row's position in its file, which 'trustgraph neo4j push' writes",
                "neo4j:Authority: node '4:abc:1': 'id' is 'Acme Ltd', not a valid id; expected an authority id as a lower-case slug of a-z, 0-9 and '-'",
            ],
            result.Errors.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Inferred_rows_and_their_notes_come_back_from_neo4j_as_they_were_pushed()
    {
        var original = TestData.ExportHostile;
        var read = (await RoundTrip(original)).Authorities[0];
        var a = original.Authorities[0];
        // The fixture has inferred rows of every kind; a reader that dropped basis would give them back as stated.
        Assert.Equal(["1st-exec", "-sub"], read.Bodies.Where(b => b.Basis == Basis.Inferred).Select(b => b.Id));
        Assert.Equal(2, read.Seats.Count(s => s.Basis == Basis.Inferred));
        Assert.Single(read.Lines, l => l.Basis == Basis.Inferred);
        Assert.Single(read.Duties, d => d.Basis == Basis.Inferred);
        Assert.Equal(a.Seats.Select(s => s.Note), read.Seats.Select(s => s.Note));
        Assert.Equal("From \"on behalf of\" wording", read.Lines[1].Note);
        Assert.Equal("Date from the cover <b>page</b> & \"footer\"", read.Arrangements[0].Note);
        Assert.Equal("stated", _graph.NodeOf("Body", "odd-ids/board").Properties["basis"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_graph_pushed_before_provenance_existed_reads_back_as_stated_rows_without_notes()
    {
        await ReadBack.PushAsync(_server, TestData.Shipped);
        foreach (var n in _graph.Nodes) { n.Properties.Remove("basis"); n.Properties.Remove("note"); }
        foreach (var r in _graph.Relationships) { r.Properties.Remove("basis"); r.Properties.Remove("note"); }
        var read = ReadBack.Valid(await ReadBack.ReadAsync(_server));
        Assert.All(read.Authorities.SelectMany(a => a.Seats), s => Assert.Equal((Basis.Stated, null), (s.Basis, s.Note)));
    }

    [Fact]
    public async Task An_unknown_basis_is_an_error_naming_the_node_and_the_two_words()
    {
        var errors = await ErrorsAfter(g => g.NodeOf("Body", "suffolk/ecg").Properties["basis"] = "guessed");
        var error = Assert.Single(errors);
        Assert.Equal("node 'suffolk/ecg': unknown basis 'guessed'; expected one of: stated, inferred", error.Message);
    }

    [Fact]
    public async Task An_unknown_word_is_an_error_naming_the_node_the_property_and_the_allowed_words()
    {
        var errors = await ErrorsAfter(g => g.NodeOf("Body", "suffolk/ecg").Properties["kind"] = "boss");
        var error = Assert.Single(errors);
        Assert.Equal("neo4j:Body", error.File);
        Assert.Equal("node 'suffolk/ecg': unknown kind 'boss'; expected one of: " + Vocabulary<BodyKind>.AllowedList, error.Message);
    }

    [Fact]
    public async Task A_seat_with_an_unknown_role_or_status_is_an_error_naming_the_relationship()
    {
        var errors = await ErrorsAfter(g =>
        {
            g.RelationshipOf("HOLDS_SEAT", "suffolk/seat/2").Properties["role"] = "Chair";
            g.RelationshipOf("HOLDS_SEAT", "york/seat/0").Properties["status"] = "empty";
        });
        Assert.Equal(
            [
                "neo4j:HOLDS_SEAT: relationship 'suffolk/seat/2': unknown role 'Chair'; expected one of: " + Vocabulary<SeatRole>.AllowedList,
                "neo4j:HOLDS_SEAT: relationship 'york/seat/0': unknown status 'empty'; expected one of: filled, vacant",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Values_of_the_wrong_type_are_errors_not_crashes()
    {
        var errors = await ErrorsAfter(g =>
        {
            g.NodeOf("Body", "york/icg").Properties["name"] = 42;
            g.NodeOf("Body", "york/icg").Properties["meets_per_year"] = "four";
            g.RelationshipOf("HOLDS_SEAT", "york/seat/1").Properties["voting"] = "yes";
            g.NodeOf("Duty", "york/duty/0").Properties["ord"] = -3;
            g.NodeOf("Arrangement", "york/current").Properties["in_force"] = "April 2009";
        });
        var text = errors.Select(e => e.ToString()).ToList();
        Assert.Contains("neo4j:Body: node 'york/icg': 'name' is the number 42; expected text", text);
        Assert.Contains("neo4j:Body: node 'york/icg': 'meets_per_year' is 'four', not a number of meetings; expected a whole number from 0 to 1000, or none when not stated", text);
        Assert.Contains("neo4j:HOLDS_SEAT: relationship 'york/seat/1': 'voting' is 'yes'; expected true, false, or none when not stated", text);
        Assert.Contains("neo4j:Duty: node 'york/duty/0': 'ord' is the number -3; expected the row's position in its file, a whole number from 0", text);
        Assert.Contains("neo4j:Arrangement: node 'york/current': 'in_force' is 'April 2009', not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, or none when not stated", text);
    }

    [Fact]
    public async Task A_row_without_its_ord_is_an_error_because_its_place_in_the_file_is_lost()
    {
        var errors = await ErrorsAfter(g => g.RelationshipOf("REPORTS_TO", "calderdale/line/0").Properties.Remove("ord"));
        var error = Assert.Single(errors);
        Assert.Equal("neo4j:accountability", error.File);
        Assert.Equal("relationship 'calderdale/line/0': 'ord' is missing; expected the row's position in its file, which 'trustgraph neo4j push' writes", error.Message);
    }

    [Fact]
    public async Task A_citation_of_a_source_that_is_not_in_neo4j_is_an_error()
    {
        var errors = await ErrorsAfter(g => g.Nodes.RemoveAll(n => n.Label == "Source" && n.Key == "york-cicg-tor"));
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.EndsWith("source 'york-cicg-tor' has no :Source node; expected the id of a source pushed with the dataset", e.Message));
        Assert.Contains(errors, e => e.File == "neo4j:Body");
        Assert.Contains(errors, e => e.File == "neo4j:HOLDS_SEAT");
        Assert.Contains(errors, e => e.File == "neo4j:Arrangement");
    }

    [Fact]
    public async Task A_line_whose_relationship_type_contradicts_its_kind_is_an_error()
    {
        var errors = await ErrorsAfter(g => g.RelationshipOf("REPORTS_TO", "calderdale/line/0").Properties["kind"] = "advises");
        Assert.Equal("relationship 'calderdale/line/0': a REPORTS_TO relationship has kind 'advises'; expected a ADVISES relationship for that kind",
            Assert.Single(errors).Message);
    }

    [Fact]
    public async Task References_to_bodies_and_arrangements_that_are_not_there_are_errors()
    {
        var errors = await ErrorsAfter(g =>
        {
            g.NodeOf("Duty", "suffolk/duty/0").Properties["body"] = "nowhere";
            g.NodeOf("Body", "york/icg").Properties["arrangement"] = "1999";
            g.NodeOf("Body", "worcestershire/pab").Properties["part_of"] = "ghost";
            g.NodeOf("Duty", "york/duty/1").Properties["authority"] = "atlantis";
        });
        var text = errors.Select(e => e.ToString()).ToList();
        Assert.Contains(text, t => t.StartsWith("neo4j:Duty: node 'suffolk/duty/0': 'body' is 'nowhere', which is not a body of suffolk;", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("neo4j:Body: node 'york/icg': 'arrangement' is '1999', which is not an arrangement of york; expected one of: ", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("neo4j:Body: node 'worcestershire/pab': 'part_of' is 'ghost', which is not a body of worcestershire;", StringComparison.Ordinal));
        Assert.Contains("neo4j:Duty: node 'york/duty/1': 'authority' is 'atlantis', which has no :Authority node; expected one of: calderdale, suffolk, york, worcestershire, anyplace", text);
    }

    [Fact]
    public async Task A_seat_on_a_body_that_is_itself_in_error_is_not_reported_twice()
    {
        var errors = await ErrorsAfter(g => g.NodeOf("Body", "suffolk/ecg").Properties["layer"] = "middle");
        Assert.Equal("node 'suffolk/ecg': unknown layer 'middle'; expected one of: " + Vocabulary<OnionLayer>.AllowedList, Assert.Single(errors).Message);
    }

    [Fact]
    public async Task A_graph_pushed_before_sources_had_an_ord_reads_with_its_sources_in_id_order()
    {
        await ReadBack.PushAsync(_server, TestData.Shipped);
        foreach (var source in _graph.Nodes.Where(n => n.Label == "Source")) source.Properties.Remove("ord");
        var read = ReadBack.Valid(await ReadBack.ReadAsync(_server));
        Assert.Equal(TestData.Shipped.Sources.OrderBy(s => s.Id, StringComparer.Ordinal), read.Sources);
    }

    [Fact]
    public async Task A_refused_password_is_an_exception_that_names_the_settings()
    {
        using var client = new QueryApiClient(_server.Options(password: "wrong"));
        var e = await Assert.ThrowsAsync<Neo4jException>(() => Neo4jDatasetReader.ReadAsync(client));
        Assert.Equal(Neo4jProblem.Unauthorized, e.Problem);
        Assert.Contains("NEO4J_PASSWORD", e.Message);
    }
}
