package durable.workshop.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.lambda.durable.exception.IllegalDurableOperationException;

/**
 * How an execution's code shares threads in default mode, as in the official SDK: the code of every step, child
 * context, parallel branch and map item runs on a thread of {@code DurableConfig}'s executor.
 *
 * <p>One lock guards all engine state (the checkpoint log, the events, the trace, the batches). Only the engine holds
 * it: every entry point the execution's code calls (a {@code DurableContext} operation, a future's {@code get()})
 * takes it with {@link #locked}, and the engine lets go of it with {@link #outside} whenever it runs the execution's
 * own code (the handler's function, a child context's, branch's or item's function, a step, a retry or wait
 * strategy). So code outside steps runs in every unit at the same time, as it does on the official SDK, where each
 * branch has a thread of its own: a branch that blocks outside a step (a latch, a sleep) holds no other unit up.
 *
 * <p>Order stays deterministic: a new unit runs alone until it ends, suspends, or has been away from the engine (in a
 * step, or in its own code without calling an operation) for longer than {@link #SLOW_STEP_NANOS}; only then does
 * the code that started it go on. Quick units therefore give the same history as running them one after the other;
 * units that block (a latch, a sleep, a slow call) overlap.
 */
final class Scheduler {
    /** How long a unit away from the engine (a step, its own code) keeps it "busy" before the next unit may start. */
    static final long SLOW_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ReentrantLock lock = new ReentrantLock();
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
        /**
         * Since when (System.nanoTime) its thread runs code the engine does not control (a step, or the unit's own
         * function between two operations); -1 while it is in the engine.
         */
        private long awaySince = -1;
        /** What it waits for (other units, a free slot); null when it is not waiting. */
        private BooleanSupplier waitingFor;

        Unit(Unit parent) {
            this.parent = parent;
        }
    }

    Scheduler(ExecutorService executor) {
        this.executor = executor;
    }

    /**
     * The invocation's thread takes the lock, for the engine's own work before and after the handler; it runs the
     * handler's function {@link #outside} the lock.
     */
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
     * An entry point into the engine (an operation, a future's {@code get()}, a runner's action): runs {@code work}
     * with the lock, taken again if this thread holds it already. While it runs, the calling unit is in the engine;
     * when it returns to the unit's own code, the unit's time away starts again.
     */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        Unit me = lock.getHoldCount() == 1 ? current.get() : null;
        if (me != null) {
            me.awaySince = -1;
        }
        try {
            return work.get();
        } finally {
            if (me != null) {
                me.awaySince = System.nanoTime();
            }
            lock.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A read of engine state that makes no progress ({@code isDone()}, {@code isReplaying()}): it takes the lock but
     * leaves the unit's time away running, so code that polls it in a loop counts as blocked, not as busy.
     */
    <T> T peek(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs code the engine does not control (the handler's function, a child context's, branch's or item's function,
     * a step, a retry or wait strategy) without the lock: every hold this thread has is given back for the time it
     * runs, and taken again after. Meanwhile the other units go on, and the unit counts as away from the engine.
     */
    <T> T outside(Supplier<T> userCode) {
        int holds = lock.getHoldCount();
        Unit me = holds > 0 ? current.get() : null;
        if (me != null) {
            me.awaySince = System.nanoTime();
        }
        for (int i = 0; i < holds; i++) {
            lock.unlock();
        }
        try {
            return userCode.get();
        } finally {
            for (int i = 0; i < holds; i++) {
                lock.lock();
            }
            if (me != null) {
                me.awaySince = -1;
            }
        }
    }

    void outside(Runnable userCode) {
        outside(() -> {
            userCode.run();
            return null;
        });
    }

    /**
     * Starts {@code work} on an executor thread, as a child of the calling unit, and waits until it has ended, is
     * waiting on its own units that are all quiet, or has been away from the engine for a while.
     */
    void start(Runnable work) {
        Unit parent = current.get();
        Unit unit = new Unit(parent);
        parent.children.add(unit);
        live++;
        try {
            // The executor's execute() runs under the lock: it only hands the task over to a thread.
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

    /** A unit's thread: the engine's work around its code runs with the lock, its code {@link #outside} it. */
    private void runUnit(Unit unit, Runnable work) {
        lock.lock();
        // An executor that runs the task on the calling thread gets that thread's unit back afterwards.
        Unit caller = current.get();
        try {
            current.set(unit);
            work.run();
        } finally {
            unit.ended = true;
            unit.parent.children.remove(unit);
            live--;
            if (caller == null) {
                current.remove();
            } else {
                current.set(caller);
            }
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

    /** Waits, without the lock, until {@code condition} holds; the caller is in the engine (it holds the lock). */
    void awaitUntil(BooleanSupplier condition, boolean timed) {
        if (condition.getAsBoolean()) {
            return;
        }
        Unit me = current.get();
        if (me == null) {
            throw new IllegalStateException("A durable future was awaited from thread \""
                    + Thread.currentThread().getName() + "\", which does not run the handler, a parallel branch or a "
                    + "map item; call get() from the handler or a child context.");
        }
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
        if (current.get().parent == null) { // the handler's thread
            runElsewhere(body);
        } else {
            // No signal: whoever waits for this unit polls, and sees it quiet once the step has run for a while.
            outside(body);
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
     * A unit the code that started it need not wait for any more: it has ended, it has been away from the engine for
     * a while (a long step, or its own code blocked or slow between two operations), or it waits for something that
     * has not happened yet and its own units are all quiet. (A unit whose wait is over is about to go on, even before
     * it has its lock back.)
     */
    private static boolean quiet(Unit u, long now) {
        if (u.ended) {
            return true;
        }
        if (u.awaySince >= 0) {
            return now - u.awaySince >= SLOW_STEP_NANOS;
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
