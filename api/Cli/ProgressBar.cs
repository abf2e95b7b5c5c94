namespace Workforce.Cli;

/// <summary>
/// A progress bar in plain text. On a terminal it is one line redrawn in place with \r whenever the step or the
/// percentage changes; anywhere else (a pipe, a CI log) it is a line when the step changes and at each quarter, so
/// that the logs of scripts stay readable.
/// </summary>
internal sealed class ProgressBar(TextWriter output, bool terminal)
{
    private const int Width = 30;

    private string? _step;
    private int _percent = -1;
    private int _drawn;

    public void Show(string step, int percent, string detail)
    {
        percent = Math.Clamp(percent, 0, 100);
        var sameStep = step == _step;
        if (terminal)
        {
            if (sameStep && percent == _percent)
            {
                return;
            }
            var filled = percent * Width / 100;
            var line = $"{step,-10} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%  {detail}";
            output.Write("\r" + line.PadRight(_drawn));
            _drawn = line.Length;
        }
        else
        {
            if (sameStep && percent / 25 == _percent / 25)
            {
                return;
            }
            output.WriteLine($"{step}: {percent}% ({detail})");
        }
        output.Flush();
        _step = step;
        _percent = percent;
    }

    /// <summary>Ends the bar: what is written next starts on a line of its own.</summary>
    public void End()
    {
        if (_drawn > 0)
        {
            output.WriteLine();
        }
        _step = null;
        _percent = -1;
        _drawn = 0;
    }
}
