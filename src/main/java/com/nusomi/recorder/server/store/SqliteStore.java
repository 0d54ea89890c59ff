package com.nusomi.recorder.server.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.JDBC;

/**
 * The SQLite store: one database file in WAL mode, one writer connection behind a fair lock (SQLite has one writer
 * at a time anyway; queuing in Java avoids busy-wait retries) and a small pool of read connections that read
 * concurrently with the writer. {@code synchronous=NORMAL} in WAL mode keeps every committed transaction across a
 * crash of the process (kill -9); only a power loss may drop the last commits.
 */
public final class SqliteStore implements Store {
    private static final int READERS = 8;
    /** Page cache of the one writer connection (KiB): bulk writes touch many index pages. */
    private static final int WRITER_CACHE_KIB = 32 * 1024;
    /** Page cache of each read connection (KiB); see {@link #tune}. */
    public static final int READER_CACHE_KIB = 8 * 1024;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    /** Read connections opened so far: they are opened when first needed, up to {@link #READERS}. */
    private final AtomicInteger openedReaders = new AtomicInteger();

    private volatile boolean closed;

    private SqliteStore(Path file) throws SQLException {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.writer = open(WRITER_CACHE_KIB);
        Migrations.apply(writer, Dialect.SQLITE);
        writer.setAutoCommit(false);
    }

    /**
     * Opens (creating and migrating if needed) the database at {@code file}. Where the file system has POSIX
     * permissions the database is its owner's only (0600): a new file is made so before SQLite opens it, and SQLite
     * gives its -wal and -shm files the database's own mode; files of an older install are narrowed after opening.
     */
    public static SqliteStore open(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            SqliteNative.useCopyIn(folder.resolve("native"));
        }
        try {
            createPrivate(file);
            SqliteStore store = new SqliteStore(file);
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                narrow(file.resolveSibling(file.getFileName() + suffix));
            }
            return store;
        } catch (SQLException e) {
            throw new StoreException("cannot open database " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException("cannot make database " + file + " private: " + e.getMessage(), e);
        }
    }

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivate(Path file) throws IOException {
        if (!posix() || Files.exists(file)) {
            return;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException raced) {
            // made meanwhile: narrowed after opening
        }
    }

    private static void narrow(Path file) throws IOException {
        if (posix() && Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private Connection open(int cacheKiB) throws SQLException {
        // Straight to SQLite's driver: DriverManager would first load every driver on the class path (PostgreSQL's
        // too, with its timer and cleaner) at the first connection of the process.
        Connection c = JDBC.createConnection(url, new Properties());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA foreign_keys=OFF");
            tune(st, cacheKiB);
        }
        return c;
    }

    /**
     * The settings every connection reads with; a benchmark's raw SQL uses them too, to do the same work.
     *
     * <p>No memory-mapped I/O: each connection would map the file on its own, and a page read through nine
     * mappings counts nine times in the process's resident memory (a 100 MB list at the contract's limits took
     * the server from 83 to 775 MiB, 616 of them the database file mapped again and again). The kernel's page
     * cache still holds the file once. The page cache of a connection is capped so that one request, which reads
     * on one connection, adds at most that much: with 8 such requests at once the server grew 32 MiB with a
     * 2 MiB cache, 78 with 8 MiB and 277 with 32 MiB (BENCHMARKS.md, "Server memory").
     */
    public static void tune(Statement st, int cacheKiB) throws SQLException {
        st.execute("PRAGMA busy_timeout=10000");
        st.execute("PRAGMA cache_size=-" + cacheKiB);
        st.execute("PRAGMA temp_store=MEMORY");
        st.execute("PRAGMA mmap_size=0");
    }

    @Override
    public <T> T read(Work<StoreReader, T> work) {
        return read(work, false);
    }

    /** As {@link #read}, in a transaction too: SQLite is in process, a transaction costs no round trip. */
    @Override
    public <T> T readOne(Work<StoreReader, T> work) {
        return read(work, true);
    }

    private <T> T read(Work<StoreReader, T> work, boolean oneStatement) {
        Connection c = borrow();
        try {
            T result = work.run(
                    oneStatement ? StoreTx.oneStatement(c, Dialect.SQLITE) : new StoreTx(c, Dialect.SQLITE, false));
            c.commit();
            return result;
        } catch (SQLException e) {
            throw new StoreException("read failed: " + e.getMessage(), e);
        } finally {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection goes back to the pool either way
            }
            readers.add(c);
        }
    }

    @Override
    public <T> T write(Work<StoreWriter, T> work) {
        StoreTx tx;
        T result;
        writeLock.lock();
        try {
            ensureOpen();
            try {
                tx = new StoreTx(writer, Dialect.SQLITE, true);
                result = work.run(tx);
                writer.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly();
                throw e;
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException("write failed: " + e.getMessage(), e);
            }
        } finally {
            writeLock.unlock();
        }
        tx.runAfterCommit();
        return result;
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // nothing more to undo
        }
    }

    private Connection borrow() {
        ensureOpen();
        Connection idle = readers.poll();
        if (idle != null) {
            return idle;
        }
        if (openedReaders.incrementAndGet() <= READERS) {
            return openReader();
        }
        openedReaders.decrementAndGet();
        try {
            Connection c = readers.poll(30, TimeUnit.SECONDS);
            if (c == null) {
                throw new StoreUnavailableException("no database connection free after 30 s", null);
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for a database connection", e);
        }
    }

    private Connection openReader() {
        try {
            Connection c = open(READER_CACHE_KIB);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only=1");
            }
            c.setAutoCommit(false);
            synchronized (allReaders) {
                if (closed) {
                    closeQuietly(c);
                    throw new StoreException("store is closed", null);
                }
                allReaders.add(c);
            }
            return c;
        } catch (SQLException e) {
            openedReaders.decrementAndGet();
            throw new StoreException("cannot open a read connection: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreUnavailableException("store is closed", null);
        }
    }

    /** Refreshes the query planner's statistics (cheap; SQLite's advice on close and after bulk loads). */
    public void optimize() {
        write(tx -> {
            ((StoreTx) tx).sql().exec("PRAGMA optimize");
            return null;
        });
    }

    /** Runs ANALYZE: after a bulk load, so the planner knows the data. */
    public void analyze() {
        writeLock.lock();
        try {
            writer.commit();
            writer.setAutoCommit(true);
            try (Statement st = writer.createStatement()) {
                st.execute("ANALYZE");
            } finally {
                writer.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException("analyze failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement st = writer.createStatement()) {
                st.execute("PRAGMA optimize");
                writer.commit();
            } catch (SQLException ignored) {
                // best effort
            }
            closeQuietly(writer);
            synchronized (allReaders) {
                for (Connection c : allReaders) {
                    closeQuietly(c);
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
