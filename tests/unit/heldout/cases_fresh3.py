"""A fourth held-out batch, labelled after the third round of fixes and before the coach was
run on it: the estimate of how the final coach does on answers it has not seen."""

from __future__ import annotations

from . import Case, case

_ALL_CONTENT = {"missing_stakes", "missing_metric", "missing_decision", "missing_learning"}

CASES: list[Case] = [
    case("disagreed_manager_oncall", """
        A time I disagreed with my manager was about on-call. He wanted the whole team,
        including the two new hires, on the rotation from week one, because we were
        short-staffed and pages were piling up. I thought putting new people on call before
        they knew the system was a risk to our uptime commitments, since our enterprise
        contracts have a four-hour response SLA. I proposed a shadow rotation for their first
        month instead, where they paired with a senior on every page. He agreed to try it. In
        that month the shadows handled 23 pages with their partner, and when they joined the
        real rotation our median time to resolve didn't change. The key learning for me was to
        answer a staffing worry with a plan that has a clear end date.""", set(),
         "restates the question; complete"),
    case("first_second_finally", """
        There were three parts to how I handled the migration. First, I inventoried all 140
        cron jobs on the old box and found that 30 of them were dead. Second, I moved the
        remaining ones to Airflow. Finally, I ran old and new in parallel for two weeks before
        switching off the box. The impact was that we decommissioned a server that had been a
        single point of failure for five years, and job failures dropped from about ten a week
        to one.""", {"missing_stakes", "missing_decision", "missing_learning"},
         "enumerated steps; the risk only appears as the result"),
    case("tech_leads_testing_strategy", """
        So, I had two tech leads on my team who couldn't agree on the testing strategy for our
        new payments service. One wanted full end-to-end tests, the other wanted contract
        tests. It was slowing down every design review, and we had a launch with a bank partner
        in eight weeks. I asked each of them to write a one-page proposal with the cost and the
        risk. Then I made the call: contract tests for every service boundary plus a small set
        of five end-to-end tests for the money flows, because end-to-end tests for everything
        would have doubled our CI time. We hit the launch date, and in the first quarter we had
        zero payment incidents. I learned that when two good engineers disagree, a written
        trade-off and a clear decider unblock things faster than more meetings.""", set(),
         "EM conflict; complete", seconds=60.0, timed=True),
    case("star_dashes_login", """
        Situation - our mobile app's login success rate dropped to 91% after we moved to a new
        auth provider. Task - fix it before the holiday campaign. Action - I traced failures to
        expired refresh tokens on Android and added a silent refresh, choosing that over
        forcing users to log in again because forced logins had caused a wave of one-star
        reviews last year. Result - login success back to 99.2% a week before the campaign.
        Learning - always test token expiry paths on real devices.""", set(),
         "typed STAR with dashes; complete"),
    case("non_native_client_reports", """
        In my previous company I was team lead of six people. Our biggest client, who is 30%
        of the revenue, complain that the reports are always late. I analyse the process and
        see that we are waiting for manual approval from their side each time. I propose to
        them to automate the approval for reports under a threshold, and keep the manual
        approval only for big changes, because this keep the control they need for audit. They
        accept. After one month, the reports are delivered on time 98% of times, before it was
        only 60%. I learn that sometimes the fix is in the process of the client, not in our
        code.""", set(), "non-native; complete"),
    case("buzzwords_no_substance", """
        I'm passionate about impact. At my last company I drove a major initiative to improve
        our data platform, which was critical for the business. I led cross-functional
        alignment, drove the technical vision and delivered significant improvements in
        reliability and performance. It was a great success and leadership was very happy.""",
         _ALL_CONTENT, "claims importance without showing any"),
    case("pricing_model_rollback", """
        Last year, we launched a new pricing model that started undercharging long-distance
        rides by about 12%, which was costing us roughly $50,000 a day. I was the on-call ML
        engineer. I rolled back to the previous model within an hour, rather than trying to
        hotfix the feature, because I couldn't be sure the bug was only in one feature. Then I
        found the cause: a unit mismatch, kilometres versus miles, in one upstream feature. We
        added a unit check to our feature validation. Since then, every feature in our store
        has a declared unit, and we haven't had a unit bug since.""", set(),
         "rollback within an hour is the outcome", seconds=45.0, timed=True),
    case("backfill_we", """
        We needed to backfill two years of events into the new warehouse. We wrote a Spark job,
        we partitioned it by day, and we ran it over a weekend on a big cluster. It finished in
        30 hours and we validated the counts against the old system.""",
         _ALL_CONTENT | {"weak_ownership"}, "a 'we' task; 30 hours is effort"),
    case("custom_dashboard_pushback", """
        Our PM asked me to build a custom dashboard for one sales prospect, who was deciding
        between us and a competitor that month. I pushed back, because it would've taken three
        weeks and only helped one deal, and instead I offered to export the same data to their
        BI tool, which took two days. The prospect signed, a $120k annual contract, and we
        reused that export for four other customers later. Since then I always ask whether a
        one-off request can be served by something reusable.""", set(),
         "complete", seconds=40.0, timed=True),
    case("postmortem_lesson_only", """
        After a major outage caused by a bad DNS change, I ran the postmortem. I made sure it
        was blameless and focused on the process, and I wrote up five action items. The main
        lesson I took away was that we needed automated checks for DNS changes.""",
         {"missing_metric", "missing_decision"}, "a lesson, but no choice or outcome"),
    case("unsure_everything", """
        I'm not sure this is a great example but I once worked on a recommendation thing. I
        think it was for the homepage? We tried a couple of models and I guess one of them was
        a bit better. I don't remember the exact numbers. It probably helped.""",
         _ALL_CONTENT | {"weak_ownership"}, "unsure, vague, 'we'"),
    case("recs_latency_long_timed", """
        So the situation was that our recommendation service was the slowest part of the
        product page, with p99 at about 900 milliseconds, and the product team had data showing
        every extra 100 milliseconds cost us around 1% of add-to-cart. I owned that service. The
        first thing I did was profile it under production traffic, and I found three problems:
        a synchronous call to the user profile service, model inference on the CPU, and a cache
        that was keyed so badly it almost never hit. For the profile call, I had two options,
        make it asynchronous or precompute the profile features. I chose to precompute, because
        the features only changed daily, so an async call would still have been wasted work.
        For inference, I looked at moving to GPUs, but the cost was about four times higher, so
        instead I quantised the model to int8, which kept accuracy within half a point in our
        offline tests. For the cache, I rewrote the key to drop the session ID, which was the
        thing making every key unique, and I checked with the privacy team that this was fine
        because the cached results weren't personal. I rolled each change out separately behind
        a flag, so I could see its effect on its own. In the end p99 went from 900 to 180
        milliseconds, and add-to-cart went up by about 4% in the A/B test. The biggest lesson
        for me was to profile first and fix the three biggest things separately, rather than
        rewriting the service, which is what the team had originally wanted to do.""",
         {"over_time", "late_impact"},
         "well structured with decisions throughout, but long and the result comes late",
         seconds=118.0, timed=True),
    case("intern_fuzzy_autocomplete", """
        As an intern on the search team, I noticed our autocomplete returned nothing for
        misspelled queries, and about 8% of queries had a typo, so those users just saw an
        empty box and often left. I added a fuzzy-matching fallback using edit distance, but
        limited it to queries longer than four characters, because on short queries it
        returned nonsense. Autocomplete click-through on misspelled queries went from zero to
        about 30%. I learned to look at the failure cases in the logs before building
        anything.""", set(), "intern; complete"),
    case("squad_push_tokens", """
        Our squad owned the notifications platform. When we saw that 40% of push notifications
        were being sent to uninstalled apps, which was wasting money on our push provider and
        hurting our sender reputation, we decided as a group to clean up the token database. We
        built a nightly job to prune invalid tokens using the provider's feedback API, we added
        a dashboard, and we set an alert on the invalid-token rate. I wrote the pruning job.
        Push costs dropped 35% and delivery rates went up. We now review the dashboard
        weekly.""", {"missing_decision", "weak_ownership"},
         "squad culture: 'we' does it, no trade-off"),
    case("churn_interviews_leadership", """
        Our churn was around 7% a month, which for a subscription business our size meant we
        were losing almost half our customers every year. Nobody knew why. I ran 20 interviews
        with churned customers and analysed cancellation reasons in the CRM. I found that most
        people left within 60 days because they never finished setup. I presented this to the
        leadership team and they made onboarding the top priority for the next quarter.""",
         {"missing_metric", "missing_decision", "missing_learning"},
         "leadership decided; no outcome yet"),
    case("hardware_keys", """
        After a phishing email got one of our engineers to enter their credentials, which could
        have given an attacker access to our production cloud account, I pushed for hardware
        security keys for everyone with production access instead of more phishing training,
        because training can't fix a single bad click. I ran the rollout to 80 engineers over
        two weeks. Since then nobody with production access can be phished with a password
        alone.""", {"missing_metric"}, "80 engineers is scope; no measured outcome"),
    case("angularjs_backstory", """
        So, a bit of background first. I joined the company about four years ago as a frontend
        engineer, and at the time the whole customer dashboard was built in AngularJS, the old
        version, the one from 2014. The team that built it had mostly left, and the code had
        grown over the years, with a lot of different patterns, some parts used jQuery
        directly, some parts used Angular properly, and some parts were just, you know, a mix.
        Google had announced the end of support for AngularJS, and our security team had
        started flagging that we'd stop getting patches. There were also a lot of bugs that
        nobody wanted to touch. Eventually I proposed migrating page by page to React inside
        the same app, rather than a big-bang rewrite, because a rewrite would have frozen
        features for at least six months. I built the bridge so React components could live
        inside Angular routes, and then we migrated the 40 pages over a year. We turned
        AngularJS off last spring, and the bug backlog for the dashboard went from about 200
        open bugs to 35.""", {"rambling", "late_impact", "missing_learning"},
         "a minute of background; the outcome arrives at the end", seconds=85.0),
    case("one_line_ci", """
        I cut our CI time from 40 minutes to 12 by caching dependencies and running tests in
        parallel.""", {"missing_stakes", "missing_decision", "missing_learning"},
         "a metric and nothing else"),
    case("tenant_leak", """
        A bug was introduced in our export service that sent one customer's report to another
        customer's email. It was caught by the customer, who told us. I was asked to lead the
        response. I stopped all exports, found the bug in a caching layer that mixed up tenant
        IDs, and fixed it within four hours. We notified the affected customer and the
        regulator within 72 hours as GDPR requires. I then added a tenant-ID assertion to every
        outgoing email, so a mismatch now fails loudly.""",
         {"missing_decision", "missing_learning"}, "incident handled; no choice, no lesson"),
    case("poc_sampling", """
        I was the solutions engineer on a proof of concept for a large retailer that was worth
        about $800k a year if they signed. Two weeks in, our ingestion couldn't keep up with
        their event volume. I had to decide between asking engineering for a fix, which would
        take a month, or sampling their events for the POC and being upfront about it. I chose
        to sample at 10% and told their team exactly why, because a month's delay would have
        lost the slot in their budget cycle. They signed, and the engineering fix shipped
        before they went to full volume. I learned that being transparent about a limitation
        builds more trust than hiding it.""", set(),
         "sales engineer; the signed $800k deal is the outcome"),
    case("ops_script_nonnative", """
        In our operations team we spend every morning two hours to check the status of the
        shipments manually in three different systems. I write a script that collect the
        status from the three APIs and send one summary to Slack at 8 am. Now nobody do the
        manual check anymore and we save ten hours per week for the team.""",
         {"missing_stakes", "missing_decision", "missing_learning"},
         "non-native; toil saved, no business stake"),
    case("paper_eval_leak", """
        While preparing a paper, I found that our evaluation script was accidentally including
        some training images in the test set, which meant our headline accuracy of 94% was
        inflated and we were two weeks from submitting. I told my advisor and the co-authors
        immediately, even though it meant we might miss the deadline. I fixed the split, reran
        everything, and the real accuracy was 89%, still the best result on the benchmark. We
        submitted on time. Since then I write a test that checks for overlap between train and
        test splits in every project.""", set(), "research integrity; complete"),
    case("k8s_bill_chatty_lowercase", """
        ok so at my last place our k8s bill was kind of out of control, like 70k a month, and
        the cfo was asking every week. i found that most pods requested way more cpu than they
        used, so i set up vpa in recommendation mode and sent each team their numbers instead
        of just cutting their limits myself, because i didn't want to break anyone's service.
        most teams adjusted within a month and the bill went down to about 45k. lesson learned,
        give people their own data and they'll fix it.""", set(),
         "chatty lower case; complete"),
    case("mentee_left", """
        I once mentored a junior engineer who ended up leaving after six months. Looking back,
        I gave him tasks that were too big and too vague, and I wasn't checking in often enough
        because I was busy with a launch. He told me in his exit interview that he felt lost.
        Since then I break down work for new people into tasks they can finish in a day or two,
        and I block time for a weekly one-on-one no matter what.""",
         {"missing_metric", "missing_decision"},
         "honest failure: losing him is the stake, the lesson is clear"),
]
