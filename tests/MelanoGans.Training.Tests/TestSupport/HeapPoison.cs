using static TorchSharp.torch;

namespace MelanoGans.Training.Tests.TestSupport;

/// <summary>
/// Leaves NaN in freed native memory of the calling thread's malloc arena: tensors of many sizes are filled with NaN
/// and freed, so a kernel that reads memory it never wrote reads NaN instead of whatever happened to be there.
/// </summary>
public static class HeapPoison
{
    public static void Fill()
    {
        for (long size = 256; size <= 1L << 22; size *= 2)
        {
            full([size], float.NaN).Dispose();
            full([size + 48], float.NaN).Dispose();
        }
    }
}
