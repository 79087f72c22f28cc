using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

public class NumpyArgsortTests
{
    [Fact]
    public void Of_ManyTies_LeavesThemInNumpysOrder()
    {
        // 30 values in three tied groups; the order /usr/bin/python3 -c "numpy.argsort(v)" printed (numpy 1.24.2).
        double[] v = [3, 1, 2, 2, 3, 1, 1, 2, 3, 3, 2, 1, 2, 2, 1, 3, 3, 1, 2, 2, 3, 1, 2, 1, 3, 2, 2, 1, 3, 1];
        int[] numpy = [14, 27, 23, 21, 17, 11, 29, 1, 5, 6, 7, 26, 25, 2, 22, 3, 19, 18, 13, 12, 10, 16, 15, 20, 28, 24, 9, 8, 4, 0];

        Assert.Equal(numpy, NumpyArgsort.Of(v));
    }

    [Fact]
    public void Of_FewerThanSixteen_IsStable()
    {
        // Insertion sort only: ties keep their order.
        Assert.Equal([1, 3, 0, 2], NumpyArgsort.Of([2, 1, 2, 1]));
    }
}
