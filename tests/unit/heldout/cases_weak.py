"""Held-out answers with many gaps: task lists, vague answers, rambling, passive voice."""

from __future__ import annotations

from . import Case, case

_ALL_CONTENT = {"missing_stakes", "missing_metric", "missing_decision", "missing_learning"}

CASES: list[Case] = [
    case("passive_warehouse_migration", """
        The team was migrating our data warehouse from Redshift to Snowflake. The decision was
        made to move the tables in batches by business domain. A plan was written and the
        migration was started in January. Some issues were found with the timestamp columns,
        and these were fixed. The dashboards were switched over one by one. In the end the
        migration was completed in April, which was on schedule.""",
         _ALL_CONTENT | {"weak_ownership"},
         "passive voice: nobody did anything, nobody decided, nothing at stake"),
    case("hard_negative_numbers_feature_store", """
        In 2021 I led a team of 6 engineers on a 3-month project to build version 2 of our
        internal feature store. We had two options for the storage layer, and I picked
        DynamoDB because it was what the rest of the company already ran. I wrote the design
        doc, split the work into four milestones, and reviewed every pull request. We launched
        in the second week of the fourth month. The data scientists started using it right
        away.""", {"missing_stakes", "missing_metric", "missing_learning"},
         "years, head counts, versions and durations are not outcomes"),
    case("legacy_docs_nobody_knew", """
        I inherited a legacy recommendation service that nobody knew how it worked. The
        original author had left, there were no docs, and the tests were mostly commented out.
        I spent the first few weeks reading the code and drawing diagrams. Then I wrote
        documentation for every endpoint and added tests for the main flows. I also presented
        an overview to the team. Now the service has documentation and a test suite.""",
         _ALL_CONTENT, "'nobody knew how it worked' is not stakes; the result is an artefact"),
    case("terse_kafka_disk", """
        Our Kafka cluster kept running out of disk. I added retention limits and alerts. It
        stopped happening.""", _ALL_CONTENT, "three sentences, nothing behind them"),
    case("data_eng_unpunctuated_vague", """
        i worked on the data pipeline for the marketing team we used airflow and dbt i wrote
        some new models and fixed some bugs in the existing dags also i helped migrate some
        tables to the new schema it was a good project and i learned a lot""", _ALL_CONTENT,
         "typed, vague; 'I learned a lot' says nothing"),
    case("repetitive_build_cache", """
        So the issue was, the issue was that our builds were slow, really slow, like the builds
        were taking forever. And, you know, the builds were just really slow. So what I did,
        what I did was I looked at the build, I looked at the build cache, and the build cache
        was not being used. So I fixed the build cache. And after I fixed the build cache the
        builds were faster, a lot faster. So yeah, the builds were a lot faster after that.""",
         _ALL_CONTENT | {"rambling"}, "repeats itself; nothing beyond 'faster'"),
    case("tasks_list_kubernetes", """
        We had to move our services from EC2 to Kubernetes. We wrote Helm charts for each
        service. We set up the CI pipelines in GitHub Actions. We migrated the services one by
        one. We also set up Prometheus and Grafana for monitoring. And then we decommissioned
        the old instances.""", _ALL_CONTENT | {"weak_ownership"}, "a 'we' task list"),
    case("reproducibility_detail_dump", """
        I was asked to make our image classification training pipeline reproducible because the
        research team couldn't reproduce last quarter's best model, and a customer demo
        depended on it. First I pinned all the Python dependencies. Then I set the random seeds
        in PyTorch, NumPy and Python. Then I added data versioning with DVC. Then I moved the
        config into Hydra files. Then I wrote a script to log every run to MLflow. Then I
        containerized the training job with Docker. Then I set up a CI job that runs a small
        training run on every merge. Then I wrote a README for the team. Then I migrated the
        old experiments into MLflow. After all that, we could rerun the best model and get the
        same accuracy within 0.1 percent, and the demo went ahead.""",
         {"missing_decision", "missing_learning", "rambling"},
         "nine 'then I' steps with no decision between them"),
    case("conflict_blunt_reviewer", """
        I had a disagreement with a senior engineer on my team about code review. He would
        leave a lot of very blunt comments on my pull requests, sometimes thirty or forty on
        one PR. I felt it was slowing me down. I asked him for a one-on-one and explained how it
        came across. He hadn't realised, and we agreed he would mark comments as blocking or
        optional. After that, my PRs got merged a lot faster and we actually became quite good
        friends. I learned that most conflicts are just missing context and it's better to talk
        early.""", {"missing_stakes", "missing_metric", "missing_decision"},
         "personal friction, not stakes; 'blocking' is a comment label"),
    case("intern_python3", """
        During my internship I helped the team with a migration from Python 2 to Python 3. I
        fixed a lot of the print statements and the string encoding issues, and I ran the test
        suite after each change. My mentor reviewed my changes. At the end of the summer most
        of the services were running on Python 3.""", _ALL_CONTENT,
         "junior; 'Python 3' is a version, 'most' is not a number"),
    case("we_ranking_claims_value", """
        I was part of the team that rebuilt our search ranking. We collected click logs, we
        trained a learning-to-rank model, we ran an A/B test, and we launched it to all users.
        Search conversion went up 7%, which was worth about $3 million a year. I learned a lot
        about ranking metrics like NDCG.""",
         {"missing_stakes", "missing_decision", "missing_learning", "weak_ownership"},
         "value stated only as a result; no problem, no choice, 'we' did it"),
    case("star_labels_empty", """
        Situation: our team had a legacy monolith. Task: I was tasked with breaking out the
        notifications service. Action: I created a new repository, set up the service
        skeleton, moved the email and SMS code over, and added a message queue between the
        monolith and the new service. Result: the notifications service was successfully
        extracted and deployed to production.""", _ALL_CONTENT,
         "STAR labels over an empty story"),
    case("backstory_dashboards_over_time", """
        So, to give you some background, I joined this company about three years ago, it's a
        logistics company, we do last mile delivery in about twelve cities. When I joined, the
        data team was quite small, it was me and two other people, and we reported into the
        finance org, which was a bit unusual. The data stack was a mix of things, there was a
        Postgres replica that everyone queried directly, some cron jobs, a few Python scripts
        that one person had written and then left the company. Over time the company grew and
        more and more teams wanted dashboards, and the Postgres replica started to get really
        slow, and people would complain in Slack that their dashboards didn't load. There were
        also a lot of different definitions of the same metric, like what counts as a
        delivered order, and the finance team and the ops team would come to meetings with
        different numbers for revenue. So eventually I proposed we move to a proper warehouse
        with dbt, and I chose BigQuery over Snowflake because we were already on Google Cloud
        and the pricing was simpler for our size. I built the first models and defined the
        core metrics with finance and ops in the room. After the move, the dashboards loaded in
        about three seconds instead of two minutes, and the finance and ops numbers finally
        matched. I learned that the hard part of a data platform is agreeing on definitions,
        not the technology.""", {"over_time", "rambling", "late_impact"},
         "long backstory before anything happens; outcome after the 90-second mark",
         seconds=112.0),
    case("jenkins_chatty_ramble", """
        Yeah so this was at my second job, I think it was 2019, or maybe early 2020, right
        before covid anyway, and I was on the platform team, and we had this thing where the
        deploys were really flaky. Like, the deploy pipeline was Jenkins, and Jenkins was
        running on this one box that someone had set up years ago, and nobody really wanted to
        touch it. And so deploys would fail randomly, like maybe one in five, and you'd have to
        rerun them, and sometimes you'd rerun them and they'd fail again, and it was just kind
        of annoying for everyone. So I started looking into it, and I found that the box was
        running out of disk space, because the old build artifacts were never cleaned up, and
        also the Jenkins version was super old. So I cleaned up the disk, and I set up a cron
        job to clean it every night, and I upgraded Jenkins, which was kind of a pain because
        some of the plugins didn't work with the new version, so I had to find replacements for
        those, and one of them we just removed. And then after that the deploys were a lot more
        reliable. And people were happy. And then later we moved to GitHub Actions anyway, so
        the whole Jenkins thing went away, but that was a different project, and I wasn't
        really that involved in that one, it was mostly another team that did that.""",
         _ALL_CONTENT | {"over_time", "rambling", "late_impact"},
         "chatty, no stakes beyond 'annoying', outcome late and vague, trails off",
         seconds=118.0, timed=True),
    case("redis_repetitive_whisper", """
        So, yeah, this was, this was at my last company. We had a problem with the, with the
        caching layer. The caching layer was, it was basically Redis, and the Redis was
        getting, it was getting full. And so the cache was getting full and then things would
        get evicted, and when things got evicted the database would get hammered. And the
        database getting hammered meant that everything was slow, everything was slow for
        everyone. So we looked at it, we looked at the cache keys, and we saw that a lot of the
        cache keys didn't have a TTL. So we added TTLs, we added TTLs to all the keys. And then
        we also, we also increased the Redis memory. And after that the cache wasn't getting
        full anymore, and the database wasn't getting hammered anymore, so it was better. It
        was much better. And yeah, I think that's, that's basically it.""",
         _ALL_CONTENT | {"rambling", "weak_ownership"},
         "repetitive restarts, 'we' throughout, a vague outcome", seconds=75.0, timed=True),
    case("my_team_and_i_widget", """
        My team and I were responsible for the recommendation widget on the homepage. My team
        and I noticed the widget was showing up below the fold after a redesign. My team and I
        ran an analysis of the page layout. My team and I worked with design to move it back
        up. Click-through recovered to where it was before.""",
         _ALL_CONTENT | {"weak_ownership"}, "'my team and I' every time: shared credit only"),
    case("involved_in_microservices", """
        I was involved in our move to microservices. I was part of the architecture
        discussions and I was responsible for some of the services. It was a big project with a
        lot of teams. It went well overall and the system is more scalable now.""",
         _ALL_CONTENT | {"weak_ownership"}, "'involved', 'part of': no concrete action"),
    case("short_we_monolith", """
        We moved our monolith to microservices. It took about a year. We split it into twelve
        services and it's much easier to deploy now.""", _ALL_CONTENT | {"weak_ownership"},
         "'we' did it; a year is effort, twelve is a count"),
    case("underperformer_vague", """
        I had an engineer who wasn't performing well. I talked to him about it and we made a
        plan together. I gave him some more support and checked in with him regularly. Over
        time things got better and he ended up doing fine.""", _ALL_CONTENT,
         "EM story with no specifics"),
    case("committee_feature_flags", """
        Our team was debating whether to build our own feature flag system or buy
        LaunchDarkly. Some people wanted to build it because it seemed simple, others wanted to
        buy it. We had a few meetings about it. In the end the team lead decided to buy
        LaunchDarkly. I integrated the SDK into our three backend services and wrote a guide
        for the other teams. Now everyone uses feature flags for releases.""", _ALL_CONTENT,
         "the team lead decided; 'everyone uses' has no number"),
    case("nagios_effort_durations", """
        It took me four months to migrate our monitoring from Nagios to Prometheus. I spent the
        first two weeks writing exporters, then about six weeks moving the alerts over, and the
        last month on dashboards. I worked with twelve different teams. At the end all the
        alerts were in Prometheus and we turned Nagios off.""", _ALL_CONTENT,
         "durations of effort, not outcomes"),
    case("friday_migration_failure", """
        Early in my career I pushed a database migration on a Friday afternoon without a
        rollback plan, and it locked the orders table for forty minutes during the weekend
        sale. Customers couldn't check out, and we lost a meaningful amount of revenue. I
        killed the migration, restored from the snapshot, and re-ran it on Sunday night with
        the lock-free tool, and the re-run finished in under a minute with no lock. Since then
        I never run a schema change without a tested rollback, and I don't deploy on
        Fridays.""", {"missing_decision"},
         "failure with stakes, a number and a lesson, but no choice explained"),
]
