"""Talks to the xlspark kernel over Jupyter's protocol as a notebook front end does: a cell's value, a cell that
does not compile, an interrupted Spark job (the interrupt button), then a new Spark job, which only runs if the
interrupted job's tasks were cancelled (a local session has few task slots), then shutdown.

    JUPYTER_DATA_DIR=target/jupyter/data check_kernel.py

Prints one line per check and exits 1 on the first failure. Needs Debian's python3-jupyter-client (pulled in by
jupyter-nbconvert)."""
import sys
import time

from jupyter_client.manager import start_new_kernel


def execute(kc, code, timeout):
    """Runs a cell and returns (reply content, outputs) once the kernel is idle again."""
    outputs = []
    try:
        reply = kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
    except TimeoutError:
        check(False, f"no answer within {timeout} s to: {code}")
    return reply["content"], outputs


def result_text(outputs):
    for o in outputs:
        if o["msg_type"] == "execute_result":
            return o["content"]["data"].get("text/plain")
    return None


def check(ok, what):
    print(("kernel check: ok: " if ok else "kernel check: FAILED: ") + what, flush=True)
    if not ok:
        sys.exit(1)


def main():
    start = time.time()
    km, kc = start_new_kernel(kernel_name="xlspark", startup_timeout=300)
    try:
        info = kc.kernel_info(reply=True, timeout=60)["content"]
        check(info["language_info"]["name"] == "java", "kernel_info: " + info["banner"])

        reply, out = execute(kc, 'Xlspark.evaluate(spark.sql("SELECT \'=ROUND(2.5,0)\' AS expression"), '
                                 'EvaluateOptions.defaults()).first().getAs("value")', 600)
        check(reply["status"] == "ok" and result_text(out) == "3",
              f"a cell's value through Xlspark.evaluate: {result_text(out)!r} "
              f"(start-up and first cell {time.time() - start:.1f} s)")

        reply, out = execute(kc, "int x = \"text\";", 60)
        errors = [o["content"] for o in out if o["msg_type"] == "error"]
        check(reply["status"] == "error" and errors and errors[0]["ename"] == "CompilationException"
              and "incompatible types" in errors[0]["evalue"],
              f"a compile error is an error output: {errors[0]['ename'] if errors else None}: "
              f"{errors[0]['evalue'] if errors else ''}")

        msg_id = kc.execute('spark.range(0, 50_000_000_000L, 1, 64).selectExpr("sum(hash(id))").collect()')
        time.sleep(8)
        interrupted = time.time()
        km.interrupt_kernel()
        while True:
            msg = kc.get_shell_msg(timeout=120)
            if msg["parent_header"].get("msg_id") == msg_id:
                break
        took = time.time() - interrupted
        check(msg["content"]["status"] == "error" and msg["content"]["ename"] == "CancellationException",
              f"interrupt ends a running Spark job's cell: {msg['content'].get('ename')} after {took:.1f} s")

        t0 = time.time()
        reply, out = execute(kc, "spark.range(5).count()", 120)
        check(reply["status"] == "ok" and result_text(out) == "5",
              f"the next Spark job runs (the interrupted job's tasks were cancelled): "
              f"{result_text(out)!r} in {time.time() - t0:.1f} s")
    finally:
        km.shutdown_wait_time = 120  # the kernel stops its Spark session before it exits
        km.shutdown_kernel(now=False)
    check(not km.is_alive(), f"shutdown (Spark session stopped), {time.time() - start:.1f} s in all")


if __name__ == "__main__":
    main()
