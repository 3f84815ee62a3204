using Trygg.Ingestion;

namespace Trygg.Cli;

public static class ImportReportPrinter
{
    public static void Print(ImportReport report, bool dryRun)
    {
        Console.WriteLine($"Lästa: {report.Read}  nya: {report.Inserted}  ändrade: {report.Updated}  oförändrade: {report.Unchanged}  utanför kommunen: {report.OutsideScope}  avvisade: {report.RejectedCount}");
        foreach (var rejected in report.Rejected.Take(20))
        {
            Console.WriteLine($"  post {rejected.RecordNumber}: {rejected.Reason}");
        }

        if (report.RejectedCount > 20)
        {
            Console.WriteLine($"  … och {report.RejectedCount - 20} till (hela listan finns på sidan Data).");
        }

        Console.WriteLine(
            dryRun ? "Provkörning: ingenting skrevs."
            : report.Committed ? "Inläsningen är klar."
            : "Ingenting skrevs: rätta posterna ovan och läs in filen igen.");
    }
}
