package durable.workshop.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import software.amazon.lambda.durable.exception.IllegalDurableOperationException;

/**
 * How an execution's code shares threads in default mode, as in the official SDK: the code of every step, child
 * context, parallel branch and map item runs on a thread of {@code DurableConfig}'s executor.
 *
 * <p>One lock guards all engine state (the checkpoint log, the events, the trace). A unit (the handler, a step, a
 * child context, a branch, an item) holds it while its code outside steps runs, and lets go while one of its steps
 * runs, while it waits for another unit, and while it waits for a free slot. So code outside steps runs one unit at
 * a time, and steps run at the same time.
 *
 * <p>Order stays deterministic: a new unit runs alone until it ends, suspends or has a step running for longer than
 * {@link #SLOW_STEP_NANOS}; only then does the code that started it go on. Quick steps therefore give the same
 * history as running the units one after the other; steps that block (a latch, a sleep, a slow call) overlap.
 */
final class Scheduler {
    /** How long a running step keeps its unit "busy" before the next unit may start. */
    static final long SLOW_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private final ExecutorService executor;
    /** Units started in this invocation that have not ended. */
    private int live;

    /** A thread of the execution's code: the handler's, or the one a step, child context, branch or item runs on. */
    static final class Unit {
        private final List<Unit> children = new ArrayList<>();
        /** The unit that started it; null for the handler's. */
        private final Unit parent;
        private boolean ended;
        /** When its running step started (System.nanoTime); -1 when no step of it runs. */
        private long stepSince = -1;
        /** What it waits for (other units, a free slot); null when it is not waiting. */
        private BooleanSupplier waitingFor;
        /** The handler's thread, which no one starts. */
        private final boolean root;

        Unit(Unit parent) {
            this.parent = parent;
            this.root = parent == null;
        }
    }

    Scheduler(ExecutorService executor) {
        this.executor = executor;
    }

    /** The invocation's thread takes the lock; it holds it until the invocation ends, except while it waits. */
    void enterInvocation() {
        lock.lock();
        current.set(new Unit(null));
    }

    void leaveInvocation() {
        current.remove();
        lock.unlock();
    }

    /** Whether this thread runs the execution's code (the handler's or a unit's) and may start operations. */
    boolean isUnitThread() {
        return current.get() != null;
    }

    /**
     * Starts {@code work} on an executor thread, as a child of the calling unit, and waits until it has ended, is
     * waiting on its own units that are all quiet, or has a step that has run for a while.
     */
    void start(Runnable work) {
        Unit parent = current.get();
        Unit unit = new Unit(parent);
        parent.children.add(unit);
        live++;
        try {
            executor.execute(() -> runUnit(unit, work));
        } catch (RejectedExecutionException e) {
            live--;
            unit.ended = true;
            parent.children.remove(unit);
            throw new IllegalDurableOperationException("DurableConfig's executor refused to run an operation's code ("
                    + e.getMessage() + "); pass an executor that is not shut down.");
        }
        awaitUntil(() -> quiet(unit, System.nanoTime()), true);
    }

    private void runUnit(Unit unit, Runnable work) {
        lock.lock();
        try {
            current.set(unit);
            work.run();
        } finally {
            unit.ended = true;
            unit.parent.children.remove(unit);
            live--;
            current.remove();
            changed.signalAll();
            lock.unlock();
        }
    }

    /** Waits until every unit of this invocation has ended: nothing else can happen in it then. */
    void awaitAllEnded() {
        if (current.get() != null) {
            awaitUntil(() -> live == 0, false);
        }
    }

    /** Waits, without the lock, until {@code condition} holds; the caller holds the lock. */
    void awaitUntil(BooleanSupplier condition, boolean timed) {
        if (condition.getAsBoolean()) {
            return;
        }
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("A durable future was awaited from thread \""
                    + Thread.currentThread().getName() + "\", which does not run the handler, a parallel branch or a "
                    + "map item; call get() from the handler or a child context.");
        }
        Unit me = current.get();
        BooleanSupplier outer = me.waitingFor;
        me.waitingFor = condition;
        changed.signalAll();
        try {
            while (!condition.getAsBoolean()) {
                if (timed) {
                    changed.awaitNanos(POLL_NANOS);
                } else {
                    changed.await();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalDurableOperationException("Interrupted while waiting for durable operations to finish");
        } finally {
            me.waitingFor = outer;
        }
    }

    /**
     * Runs a step's code without the lock: right here on a unit's thread (each step runs as a unit of its own), on
     * an executor thread when the handler's thread asks (a condition's check), which waits for it.
     */
    void runStep(Runnable body) {
        Unit me = current.get();
        // No signal: whoever waits for this unit polls, and sees it quiet once the step has run for a while.
        me.stepSince = System.nanoTime();
        try {
            if (me.root) {
                runElsewhere(body);
            } else {
                int holds = lock.getHoldCount();
                for (int i = 0; i < holds; i++) {
                    lock.unlock();
                }
                try {
                    body.run();
                } finally {
                    for (int i = 0; i < holds; i++) {
                        lock.lock();
                    }
                }
            }
        } finally {
            me.stepSince = -1;
        }
    }

    private void runElsewhere(Runnable body) {
        boolean[] done = {false};
        try {
            executor.execute(() -> {
                try {
                    body.run();
                } finally {
                    lock.lock();
                    try {
                        done[0] = true;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            throw new IllegalDurableOperationException("DurableConfig's executor refused to run a step ("
                    + e.getMessage() + "); pass an executor that is not shut down.");
        }
        while (!done[0]) {
            changed.awaitUninterruptibly();
        }
    }

    /**
     * A unit the code that started it need not wait for any more: it has ended, its step has run for a while, or
     * it waits for something that has not happened yet and its own units are all quiet. (A unit whose wait is over
     * is about to go on, even before it has its lock back.)
     */
    private static boolean quiet(Unit u, long now) {
        if (u.ended) {
            return true;
        }
        if (u.stepSince >= 0) {
            return now - u.stepSince >= SLOW_STEP_NANOS;
        }
        if (u.waitingFor != null && !u.waitingFor.getAsBoolean()) {
            for (Unit c : u.children) {
                if (!quiet(c, now)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
