/// The PostgreSQL schema, versioned like the SQLite one: `schema_migrations` holds one row per applied
/// version, and the highest is the store's `StoreSchema` version. Version 1 has the same tables and columns
/// as SQLite's version 1. The PostGIS column is not a version: it is added whenever the server offers the
/// `geometry` type (now or after a later `patrol db migrate`), and `db status` reports the mode.
enum PostgresSchema {
    static let migrations: [(version: Int, name: String, sql: [String])] = [
        (1, "stops, imports, visits", [
            """
            CREATE TABLE imports (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                file_name text NOT NULL,
                imported_at text NOT NULL,
                role text NOT NULL,
                format text NOT NULL,
                rows_read integer NOT NULL,
                rows_stored integer NOT NULL,
                rows_already_stored integer NOT NULL,
                rows_skipped integer NOT NULL)
            """,
            """
            CREATE TABLE stops (
                hash text COLLATE "C" PRIMARY KEY,
                time text COLLATE "C" NOT NULL,
                lon double precision NOT NULL,
                lat double precision NOT NULL,
                easting double precision NOT NULL,
                northing double precision NOT NULL,
                place text NOT NULL,
                school text NOT NULL,
                age_band text NOT NULL,
                reason text NOT NULL,
                outcome text NOT NULL,
                pair text NOT NULL,
                sweep text NOT NULL,
                import_id bigint NOT NULL REFERENCES imports(id))
            """,
            "CREATE INDEX stops_time ON stops(time)",
            """
            CREATE TABLE visits (
                key text COLLATE "C" PRIMARY KEY,
                date text COLLATE "C" NOT NULL,
                hotspot_id text COLLATE "C" NOT NULL,
                pair text COLLATE "C" NOT NULL,
                visit_seq integer NOT NULL,
                minutes double precision NOT NULL,
                source text NOT NULL)
            """,
        ]),
    ]

    /// Both stores order and compare text bytewise, as SQLite does.
    static let stopColumns = "hash, time, lon, lat, easting, northing, place, school, age_band, reason, outcome, pair, sweep, import_id"

    static let spatialColumn = [
        "ALTER TABLE stops ADD COLUMN geom geometry(Point, 27700)",
        "UPDATE stops SET geom = ST_SetSRID(ST_MakePoint(easting, northing), 27700)",
        "CREATE INDEX stops_geom ON stops USING gist (geom)",
    ]
}
