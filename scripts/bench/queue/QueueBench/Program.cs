using QueueBench;

// Usage: QueueBench queue <sqlite|postgres> <cli dll> <workers> [slots trialsPerSlot epochs epochMs]
//        QueueBench queries <sqlite|postgres> [trials epochsPerTrial]
// PostgreSQL runs read HYPERSEARCH_TEST_POSTGRES (scripts/test-postgres.sh start). See ../run.sh.
var pg = Environment.GetEnvironmentVariable("HYPERSEARCH_TEST_POSTGRES");
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
switch (args.FirstOrDefault())
{
    case "queue":
        Console.WriteLine(await QueueRun.RunAsync(args[1], pg, args[2], Arg(3, 1), Arg(4, 2), Arg(5, 10), Arg(6, 2), Arg(7, 500)));
        return 0;
    case "queries":
        foreach (var line in await QueryRun.RunAsync(args[1], pg, Arg(2, 10_000), Arg(3, 100))) Console.WriteLine(line);
        return 0;
    default:
        Console.Error.WriteLine("usage: QueueBench queue <sqlite|postgres> <hypersearch.dll> <workers> [slots trialsPerSlot epochs epochMs] | queries <sqlite|postgres> [trials epochsPerTrial]");
        return 2;
}
