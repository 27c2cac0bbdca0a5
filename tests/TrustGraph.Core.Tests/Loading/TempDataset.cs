namespace TrustGraph.Core.Tests.Loading;

/// <summary>A small valid dataset in a temporary folder, whose files a test can then break one at a time.</summary>
internal sealed class TempDataset : IDisposable
{
    public TempDataset()
    {
        Directory.CreateDirectory(Path.Combine(Root, "shire"));
        Write("sources.csv", "id,title,publisher,date\npaper,A paper,A council,2009\n");
        Write("authorities.csv", "id,name,ons_code,tier\nshire,Shire,E10000001,county\n");
        Write("shire/arrangements.csv", "id,status,in_force,source\n2009,current,2009-05,paper#p1\n");
        Write("shire/bodies.csv", "id,name,kind,layer,arrangement,meets_per_year,source\nlsp,Shire Partnership,lsp,outside,,,paper\nboard,Trust Board,trust-board,governance,2009,4,paper#p2\n");
        Write("shire/memberships.csv", "body,post,person,agency,partner_category,role,voting,status,source\nboard,Director,Jo Bloggs,Shire Council,local-authority,chair,yes,filled,paper#p3\n");
        Write("shire/accountability.csv", "from,to,kind,source\nboard,lsp,accountable-to,paper#p4\n");
        Write("shire/duties.csv", "body,duty,outcome,source\nboard,Owns the plan,all,paper#p5\n");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "tg-" + Guid.NewGuid().ToString("N"));

    public void Write(string file, string content) => File.WriteAllText(Path.Combine(Root, file), content);

    public void Append(string file, string line) => File.AppendAllText(Path.Combine(Root, file), line + "\n");

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
