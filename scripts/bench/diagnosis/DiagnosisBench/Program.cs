// Precision of the dashboard's red diagnosis badges on real curves.
//   generate: trains an LR sweep of the built-in workloads for real (TorchSharp, 1 thread) and appends
//             each curve to a JSON-lines file; resumable, and bounded by --minutes.
//   evaluate: labels every curve by the written rule (SweepTruth) and reports, per diagnosis label,
//             how many badges it gives and how many of the red ones the rule confirms.
//   dotnet run -c Release --project scripts/bench/diagnosis/DiagnosisBench -- generate --out FILE [--workloads two-spirals,synthetic-regression,fashion-mlp] [--first-seed 1] [--seeds 6] [--epochs 15] [--minutes 40]
//   dotnet run -c Release --project scripts/bench/diagnosis/DiagnosisBench -- evaluate --in FILE
using DiagnosisBench;

var command = args.ElementAtOrDefault(0);
string Option(string name, string fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

switch (command)
{
    case "generate":
        await CurveGenerator.RunAsync(Option("--out", "artifacts/diagnosis/curves.jsonl"),
            Option("--workloads", "two-spirals,synthetic-regression,fashion-mlp").Split(','), int.Parse(Option("--first-seed", "1")), int.Parse(Option("--seeds", "6")),
            int.Parse(Option("--epochs", "15")), double.Parse(Option("--minutes", "40"), System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "evaluate":
        PrecisionReport.Print(CurveFile.Read(Option("--in", "artifacts/diagnosis/curves.jsonl")));
        break;
    default:
        Console.Error.WriteLine("usage: DiagnosisBench generate --out FILE [--workloads two-spirals,synthetic-regression,fashion-mlp] [--seeds 4] [--epochs 15] [--minutes 40] | evaluate --in FILE");
        return 2;
}

return 0;
