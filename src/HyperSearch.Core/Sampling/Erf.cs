namespace HyperSearch.Core.Sampling;

/// <summary>
/// erf and erfc as Sun's fdlibm computes them (s_erf.c, the code behind glibc's and CPython's
/// math.erf/erfc and Optuna 3.1's <c>_erf.py</c>): .NET has neither, and TPE's scores must match
/// Optuna's to the last digits so both pick the same candidate.
/// </summary>
internal static class Erf
{
    private const double Erx = 8.45062911510467529297e-01, Efx = 1.28379167095512586316e-01;
    private static readonly double[] Pp = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05];
    private static readonly double[] Qq = [1, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06];
    private static readonly double[] Pa = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
    private static readonly double[] Qa = [1, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
    private static readonly double[] Ra = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e01, -6.23753324503260060396e01, -1.62396669462573470355e02, -1.84605092906711035994e02, -8.12874355063065934246e01, -9.81432934416914548592e00];
    private static readonly double[] Sa = [1, 1.96512716674392571292e01, 1.37657754143519042600e02, 4.34565877475229228821e02, 6.45387271733267880336e02, 4.29008140027567833386e02, 1.08635005541779435134e02, 6.57024977031928170135e00, -6.04244152148580987438e-02];
    private static readonly double[] Rb = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e01, -1.60636384855821916062e02, -6.37566443368389627722e02, -1.02509513161107724954e03, -4.83519191608651397019e02];
    private static readonly double[] Sb = [1, 3.03380607434824582924e01, 3.25792512996573918826e02, 1.53672958608443695994e03, 3.19985821950859553908e03, 2.55305040643316442583e03, 4.74528541206955367215e02, -2.24409524465858183362e01];

    public static double Of(double x)
    {
        var a = Math.Abs(x);
        if (double.IsNaN(x))
        {
            return x;
        }
        if (a < 0.84375)
        {
            // Below 2^-28 only the first term of the series counts; below 2^-56 erfc is 1 − x.
            return a < 3.725290298461914e-09 ? x + Efx * x : x + x * Ratio(Pp, Qq, x * x);
        }
        if (a < 1.25)
        {
            return Math.CopySign(Erx + Ratio(Pa, Qa, a - 1), x);
        }
        return a >= 6 ? Math.CopySign(1, x) : Math.CopySign(1 - Tail(a), x);
    }

    public static double Complement(double x)
    {
        var a = Math.Abs(x);
        if (double.IsNaN(x))
        {
            return x;
        }
        if (a < 0.84375)
        {
            if (a < 1.3877787807814457e-17)
            {
                return 1 - x;
            }
            var y = Ratio(Pp, Qq, x * x);
            return x < 0.25 ? 1 - (x + x * y) : 0.5 - (x - 0.5 + x * y);
        }
        if (a < 1.25)
        {
            var pq = Ratio(Pa, Qa, a - 1);
            return x >= 0 ? 1 - Erx - pq : 1 + (Erx + pq);
        }
        if (x >= 28)
        {
            return 0;
        }
        return x > 0 ? Tail(a) : x > -6 ? 2 - Tail(a) : 2;
    }

    /// <summary>erfc(a) for 1.25 ≤ a &lt; 28: exp(−a² − 0.5625 + R/S)/a, a² split as fdlibm does for accuracy.</summary>
    private static double Tail(double a)
    {
        var s = 1 / (a * a);
        var r = a < 1 / 0.35 ? Horner(Ra, s) / Horner(Sa, s) : Horner(Rb, s) / Horner(Sb, s);
        // fdlibm's SET_LOW_WORD(z, 0): z is a with the low 32 bits cleared, so z·z is exact.
        var z = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & unchecked((long)0xFFFFFFFF00000000UL));
        return Math.Exp(-z * z - 0.5625) * Math.Exp((z - a) * (z + a) + r) / a;
    }

    private static double Ratio(double[] p, double[] q, double z) => Horner(p, z) / Horner(q, z);

    private static double Horner(double[] c, double z)
    {
        var result = c[^1];
        for (var i = c.Length - 2; i >= 0; i--)
        {
            result = c[i] + z * result;
        }
        return result;
    }
}
