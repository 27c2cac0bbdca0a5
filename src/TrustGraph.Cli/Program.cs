return TrustGraph.Cli.CliApp.Run(args, Console.Out, Console.Error);
