namespace Chibo.Domain.Calendar;

/// <summary>
/// The two astronomical quantities a lunisolar calendar needs: the moment of each new moon and the
/// sun's apparent longitude. Formulas after J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.),
/// chapters 25 (sun, low accuracy, about 0.01°) and 49 (new moon phases, with the planetary terms).
/// </summary>
internal static class Astronomy
{
    /// <summary>Julian Day Number of 0001-01-01 (proleptic Gregorian), the epoch of <see cref="DateOnly.DayNumber"/>.</summary>
    public const int JulianDayOfDayNumberZero = 1721426;

    private const double J2000 = 2451545.0;
    private const double SynodicMonth = 29.530588861;
    private const double FirstNewMoonOf2000 = 2451550.09766;
    private const double Deg = Math.PI / 180.0;

    /// <summary>The lunation number of the mean new moon at or before the given Julian Day.</summary>
    public static int LunationAtOrBefore(double julianDay) =>
        (int)Math.Floor((julianDay - FirstNewMoonOf2000) / SynodicMonth);

    /// <summary>The lunation number nearest to the given Julian Day.</summary>
    public static int LunationNearest(double julianDay) =>
        (int)Math.Round((julianDay - FirstNewMoonOf2000) / SynodicMonth);

    /// <summary>Julian Ephemeris Day (TT) of new moon number <paramref name="k"/> (k = 0 on 6 January 2000).</summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;

        var jde = FirstNewMoonOf2000 + (SynodicMonth * k) + (0.00015437 * t2) - (0.000000150 * t3) + (0.00000000073 * t4);

        var e = 1 - (0.002516 * t) - (0.0000074 * t2);
        var m = Deg * (2.5534 + (29.10535670 * k) - (0.0000014 * t2) - (0.00000011 * t3));
        var mp = Deg * (201.5643 + (385.81693528 * k) + (0.0107582 * t2) + (0.00001238 * t3) - (0.000000058 * t4));
        var f = Deg * (160.7108 + (390.67050284 * k) - (0.0016118 * t2) - (0.00000227 * t3) + (0.000000011 * t4));
        var omega = Deg * (124.7746 - (1.56375588 * k) + (0.0020672 * t2) + (0.00000215 * t3));

        var correction =
            (-0.40720 * Math.Sin(mp))
            + (0.17241 * e * Math.Sin(m))
            + (0.01608 * Math.Sin(2 * mp))
            + (0.01039 * Math.Sin(2 * f))
            + (0.00739 * e * Math.Sin(mp - m))
            - (0.00514 * e * Math.Sin(mp + m))
            + (0.00208 * e * e * Math.Sin(2 * m))
            - (0.00111 * Math.Sin(mp - (2 * f)))
            - (0.00057 * Math.Sin(mp + (2 * f)))
            + (0.00056 * e * Math.Sin((2 * mp) + m))
            - (0.00042 * Math.Sin(3 * mp))
            + (0.00042 * e * Math.Sin(m + (2 * f)))
            + (0.00038 * e * Math.Sin(m - (2 * f)))
            - (0.00024 * e * Math.Sin((2 * mp) - m))
            - (0.00017 * Math.Sin(omega))
            - (0.00007 * Math.Sin(mp + (2 * m)))
            + (0.00004 * Math.Sin((2 * mp) - (2 * f)))
            + (0.00004 * Math.Sin(3 * m))
            + (0.00003 * Math.Sin(mp + m - (2 * f)))
            + (0.00003 * Math.Sin((2 * mp) + (2 * f)))
            - (0.00003 * Math.Sin(mp + m + (2 * f)))
            + (0.00003 * Math.Sin(mp - m + (2 * f)))
            - (0.00002 * Math.Sin(mp - m - (2 * f)))
            - (0.00002 * Math.Sin((3 * mp) + m))
            + (0.00002 * Math.Sin(4 * mp));

        // Planetary perturbations: small, but they move a new moon across midnight now and then.
        var planetary =
            (0.000325 * Math.Sin(Deg * (299.77 + (0.107408 * k) - (0.009173 * t2))))
            + (0.000165 * Math.Sin(Deg * (251.88 + (0.016321 * k))))
            + (0.000164 * Math.Sin(Deg * (251.83 + (26.651886 * k))))
            + (0.000126 * Math.Sin(Deg * (349.42 + (36.412478 * k))))
            + (0.000110 * Math.Sin(Deg * (84.66 + (18.206239 * k))))
            + (0.000062 * Math.Sin(Deg * (141.74 + (53.303771 * k))))
            + (0.000060 * Math.Sin(Deg * (207.14 + (2.453732 * k))))
            + (0.000056 * Math.Sin(Deg * (154.84 + (7.306860 * k))))
            + (0.000047 * Math.Sin(Deg * (34.52 + (27.261239 * k))))
            + (0.000042 * Math.Sin(Deg * (207.19 + (0.121824 * k))))
            + (0.000040 * Math.Sin(Deg * (291.34 + (1.844379 * k))))
            + (0.000037 * Math.Sin(Deg * (161.72 + (24.198154 * k))))
            + (0.000035 * Math.Sin(Deg * (239.56 + (25.513099 * k))))
            + (0.000023 * Math.Sin(Deg * (331.55 + (3.592518 * k))));

        return jde + correction + planetary;
    }

    /// <summary>The sun's apparent geocentric longitude in degrees [0, 360) at Julian Ephemeris Day <paramref name="jde"/>.</summary>
    public static double SunApparentLongitude(double jde)
    {
        var t = (jde - J2000) / 36525.0;
        var l0 = 280.46646 + (36000.76983 * t) + (0.0003032 * t * t);
        var m = Deg * (357.52911 + (35999.05029 * t) - (0.0001537 * t * t));
        var center =
            ((1.914602 - (0.004817 * t) - (0.000014 * t * t)) * Math.Sin(m))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * m))
            + (0.000289 * Math.Sin(3 * m));
        var omega = Deg * (125.04 - (1934.136 * t));
        var apparent = l0 + center - 0.00569 - (0.00478 * Math.Sin(omega));
        apparent %= 360.0;
        return apparent < 0 ? apparent + 360.0 : apparent;
    }

    /// <summary>
    /// ΔT = TT − UT in seconds, from the polynomial fits of Espenak and Meeus (NASA, 2006).
    /// About a minute in this era: it matters only for a new moon within a minute of midnight.
    /// </summary>
    public static double DeltaTSeconds(double julianDay)
    {
        var y = 2000.0 + ((julianDay - J2000) / 365.25);
        double t;
        switch (y)
        {
            case < 1900:
                t = y - 1860;
                return 7.62 + (0.5737 * t) - (0.251754 * t * t) + (0.01680668 * t * t * t)
                    - (0.0004473624 * Math.Pow(t, 4)) + (Math.Pow(t, 5) / 233174);
            case < 1920:
                t = y - 1900;
                return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * t * t * t) - (0.000197 * Math.Pow(t, 4));
            case < 1941:
                t = y - 1920;
                return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * t * t * t);
            case < 1961:
                t = y - 1950;
                return 29.07 + (0.407 * t) - (t * t / 233) + (t * t * t / 2547);
            case < 1986:
                t = y - 1975;
                return 45.45 + (1.067 * t) - (t * t / 260) - (t * t * t / 718);
            case < 2005:
                t = y - 2000;
                return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * t * t * t)
                    + (0.000651814 * Math.Pow(t, 4)) + (0.00002373599 * Math.Pow(t, 5));
            case < 2050:
                t = y - 2000;
                return 62.92 + (0.32217 * t) + (0.005589 * t * t);
            case < 2150:
                var u = (y - 1820) / 100;
                return -20 + (32 * u * u) - (0.5628 * (2150 - y));
            default:
                var v = (y - 1820) / 100;
                return -20 + (32 * v * v);
        }
    }
}
