namespace MelanoGans.Training.Loop;

/// <summary>The losses of one step, as plain numbers (the tensors are gone with the step's dispose scope).</summary>
public readonly record struct StepLosses(double LossD, double LossG, double? LossR1)
{
    /// <summary>
    /// "loss_d became infinite at step 2" when a loss is infinite or NaN after <paramref name="step"/>, else null:
    /// the reason a run stops with (its weights are no longer worth a step or a checkpoint).
    /// </summary>
    public string? NonFiniteReason(long step)
    {
        foreach (var (name, value) in new[] { ("loss_d", LossD), ("loss_g", LossG), ("loss_r1", LossR1 ?? 0) })
        {
            if (!double.IsFinite(value))
            {
                return $"{name} became {(double.IsNaN(value) ? "NaN (not a number)" : "infinite")} at step {step}";
            }
        }

        return null;
    }
}
