/**
 * The coordinate reference systems ZoneAtlas knows by EPSG code, as proj4 definitions.
 * Gauss-Krüger codes follow the EPSG dataset (domain.md §3): 3° zone-prefixed 4513–4533 = 4488 + zone
 * (false easting zone·10⁶ + 500 km), 3° CM-based 4534–4554 = 4509 + zone (500 km); 6° prefixed
 * 4491–4501 = 4478 + zone, 6° CM-based 4502–4512 = 4489 + zone. CGCS2000 uses GRS80; it equals WGS84
 * to decimetres, so no datum shift is applied (domain.md §3).
 */

/** A CRS we can transform from: EPSG code (when known), a human name and a proj4 definition. */
export interface KnownCrs {
  epsg: number | null;
  name: string;
  proj4: string;
  /** True for longitude/latitude in degrees. */
  geographic: boolean;
}

const GRS80_LONGLAT = "+proj=longlat +ellps=GRS80 +no_defs";

/** proj4 definition of a CGCS2000 Gauss-Krüger zone (central meridian in degrees, false easting in metres). */
export function gaussKrugerProj4(centralMeridianDeg: number, falseEastingM: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridianDeg} +k=1 +x_0=${falseEastingM} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/** The CRS for an EPSG code we support, or null. */
export function crsByEpsg(epsg: number): KnownCrs | null {
  if (epsg === 4490) return { epsg, name: "CGCS2000", proj4: GRS80_LONGLAT, geographic: true };
  if (epsg === 4326)
    return { epsg, name: "WGS 84", proj4: "+proj=longlat +datum=WGS84 +no_defs", geographic: true };
  if (epsg === 3857)
    return {
      epsg,
      name: "WGS 84 / Pseudo-Mercator",
      proj4:
        "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs",
      geographic: false,
    };
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4488;
    return gk(epsg, `CGCS2000 / 3-degree Gauss-Kruger zone ${zone}`, 3 * zone, zone * 1e6 + 500_000);
  }
  if (epsg >= 4534 && epsg <= 4554) {
    const cm = 3 * (epsg - 4509);
    return gk(epsg, `CGCS2000 / 3-degree Gauss-Kruger CM ${cm}E`, cm, 500_000);
  }
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4478;
    return gk(epsg, `CGCS2000 / Gauss-Kruger zone ${zone}`, 6 * zone - 3, zone * 1e6 + 500_000);
  }
  if (epsg >= 4502 && epsg <= 4512) {
    const cm = 6 * (epsg - 4489) - 3;
    return gk(epsg, `CGCS2000 / Gauss-Kruger CM ${cm}E`, cm, 500_000);
  }
  return null;
}

function gk(epsg: number, name: string, cm: number, fe: number): KnownCrs {
  return { epsg, name, proj4: gaussKrugerProj4(cm, fe), geographic: false };
}

/** The zone-prefixed 3° GK code for a longitude (EPSG 4488 + zone, zone = round(lng / 3)). */
export function gk3PrefixedEpsgForLng(lngDeg: number): number {
  return 4488 + Math.round(lngDeg / 3);
}

/** The CM-based 3° code with the same zone as a prefixed one (4523 → 4544), or the input. */
export function cmBasedOf(epsg: number): number {
  if (epsg >= 4513 && epsg <= 4533) return epsg + 21;
  if (epsg >= 4491 && epsg <= 4501) return epsg + 11;
  return epsg;
}

/** The ESRI-style .prj WKT for a supported EPSG code (what ArcGIS writes for CGCS2000 and its GK zones). */
export function esriWkt(epsg: number): string {
  const geog =
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
  if (epsg === 4490) return geog;
  const crs = crsByEpsg(epsg);
  if (!crs || epsg < 4491 || epsg > 4554)
    throw new RangeError(`esriWkt: EPSG:${epsg} is not a CGCS2000 CRS we write`);
  const cm = Number(/lon_0=([-\d.]+)/.exec(crs.proj4)?.[1]);
  const fe = Number(/x_0=([-\d.]+)/.exec(crs.proj4)?.[1]);
  const name =
    epsg >= 4513 && epsg <= 4533
      ? `CGCS2000_3_Degree_GK_Zone_${epsg - 4488}`
      : epsg >= 4534 && epsg <= 4554
        ? `CGCS2000_3_Degree_GK_CM_${cm}E`
        : epsg >= 4491 && epsg <= 4501
          ? `CGCS2000_GK_Zone_${epsg - 4478}`
          : `CGCS2000_GK_CM_${cm}E`;
  return `PROJCS["${name}",${geog},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${fe.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm.toFixed(1)}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}
