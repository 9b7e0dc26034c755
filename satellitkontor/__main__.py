from satellitkontor.cli.main import main

raise SystemExit(main())
